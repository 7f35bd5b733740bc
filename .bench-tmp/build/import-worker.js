const require_validate_job = require("./chunks/validate-job-CUdoJmKy.js");
let node_fs = require("node:fs");
let node_worker_threads = require("node:worker_threads");
// src/main/core/import/parse-worker.ts
var connections = /* @__PURE__ */ new Map();
function db(file) {
	let open = connections.get(file);
	if (!open) connections.set(file, open = require_validate_job.openWorkerDb(file));
	return open;
}
function reply(message) {
	node_worker_threads.parentPort?.postMessage(message);
}
function remembered(connection, accountId, headers) {
	const row = connection.prepare("SELECT mapping_json FROM import_mappings WHERE account_id = ? AND header_key = ?").get(accountId, require_validate_job.headerSetKey(headers));
	return row ? JSON.parse(row.mapping_json) : void 0;
}
/**
* One parse: the analysis, and — when the offered mapping maps an email column — its validation too, so a
* user who accepts the offer waits for a single pass over the file.
*/
async function analyze(request, progress) {
	const connection = db(request.dbFile);
	(0, node_fs.mkdirSync)(request.input.workDir, { recursive: true });
	require_validate_job.shortTransaction(connection, () => connection.prepare("DELETE FROM job_rows WHERE job_id = ?").run(request.jobId));
	let offer = {
		mapping: {},
		remembered: false
	};
	let validator = null;
	let result;
	try {
		result = await require_validate_job.analyzeFile(request.input, (headers) => {
			offer = require_validate_job.chooseMapping(headers, request.fields, remembered(connection, request.accountId, headers));
			let cm;
			try {
				cm = require_validate_job.compileMapping(headers, offer.mapping, request.fields);
			} catch {
				return null;
			}
			validator?.abort();
			validator = new require_validate_job.RowValidator(connection, request.jobId, request.input.workDir, cm);
			return validator;
		}, progress);
	} catch (error) {
		validator?.abort();
		throw error;
	}
	const finished = validator;
	if (result.fatal) {
		finished?.abort();
		require_validate_job.shortTransaction(connection, () => connection.prepare("DELETE FROM job_rows WHERE job_id = ?").run(request.jobId));
		return {
			result,
			mapping: offer.mapping,
			remembered: offer.remembered,
			counts: null
		};
	}
	const counts = finished ? finished.finish() : null;
	return {
		result,
		mapping: offer.mapping,
		remembered: offer.remembered,
		counts
	};
}
async function handle(request) {
	const progress = (rows) => reply({
		id: request.id,
		type: "progress",
		rows
	});
	switch (request.op) {
		case "analyze": return analyze(request, progress);
		case "validate": {
			const cm = require_validate_job.compileMapping(request.input.headers, request.input.mapping, request.input.fields);
			return require_validate_job.validatePass(db(request.dbFile), request.input, cm, progress);
		}
		case "close":
			for (const connection of connections.values()) connection.close();
			connections.clear();
			return null;
	}
}
node_worker_threads.parentPort?.on("message", (request) => {
	handle(request).then((value) => reply({
		id: request.id,
		type: "done",
		value
	}), (error) => {
		const e = error instanceof Error ? error : new Error(String(error));
		reply({
			id: request.id,
			type: "error",
			error: {
				message: e.message,
				stack: e.stack,
				...error instanceof require_validate_job.AppError ? {
					code: error.code,
					field: error.options.details?.field
				} : {}
			}
		});
	});
});
