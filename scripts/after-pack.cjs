// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before it is signed, so the
// shipped app cannot be borrowed as a Node runtime by local malware (which would then inherit its keychain
// access): no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect; cookies encrypted; the app loaded only
// from its asar archive, whose integrity is checked (where Electron supports it: macOS and Windows).
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** Exactly the fuses Lead Desk sets; the others keep Electron's defaults. */
const FUSES = Object.freeze({
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
});

/** electron-builder's Arch.arm64 (builder-util), without loading electron-builder here. */
const ARCH_ARM64 = 3;

/** The file @electron/fuses edits: the .app bundle on macOS (it finds the framework), else the executable. */
function electronPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName ?? name);
}

/** The hook; `flip` is @electron/fuses' flipFuses, replaceable in its unit test. */
async function afterPack(context, flip = flipFuses) {
  // Changing the binary breaks an arm64 Mac's ad-hoc signature: re-sign ad hoc (a real signature comes later).
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === ARCH_ARM64;
  await flip(electronPath(context), { ...FUSES, resetAdHocDarwinSignature });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronPath = electronPath;
