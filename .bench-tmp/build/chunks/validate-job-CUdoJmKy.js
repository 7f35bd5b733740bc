let node_path = require("node:path");
let zod = require("zod");
let node_fs = require("node:fs");
let node_sqlite = require("node:sqlite");
let node_stream = require("node:stream");
let csv_parse = require("csv-parse");
let csv_parse_sync = require("csv-parse/sync");
let node_buffer = require("node:buffer");
// src/main/core/errors.ts
var AppError = class extends Error {
	code;
	options;
	name = "AppError";
	constructor(code, message, options = {}) {
		super(message, { cause: options.cause });
		this.code = code;
		this.options = options;
	}
	toData() {
		const data = {
			code: this.code,
			message: this.message,
			retryable: this.options.retryable ?? false
		};
		if (this.options.details) data.details = this.options.details;
		return data;
	}
};
// src/shared/domain/time-zones.ts
var KARTRA_TIME_ZONES = [
	"America/Los_Angeles",
	"America/Boise",
	"America/Chicago",
	"America/New_York",
	"Europe/London",
	"Europe/Brussels",
	"Etc/GMT+12",
	"Pacific/Midway",
	"Pacific/Honolulu",
	"America/Juneau",
	"America/Chihuahua",
	"America/Phoenix",
	"America/Regina",
	"America/Mexico_City",
	"America/Belize",
	"America/Indiana/Indianapolis",
	"America/Bogota",
	"America/Glace_Bay",
	"America/Caracas",
	"America/Santiago",
	"America/St_Johns",
	"America/Sao_Paulo",
	"America/Argentina/Buenos_Aires",
	"America/Nuuk",
	"Etc/GMT+2",
	"Atlantic/Azores",
	"Atlantic/Cape_Verde",
	"Africa/Casablanca",
	"Atlantic/Canary",
	"Europe/Belgrade",
	"Europe/Sarajevo",
	"Europe/Amsterdam",
	"Africa/Algiers",
	"Europe/Bucharest",
	"Africa/Cairo",
	"Europe/Helsinki",
	"Europe/Athens",
	"Asia/Jerusalem",
	"Africa/Harare",
	"Europe/Moscow",
	"Asia/Kuwait",
	"Africa/Nairobi",
	"Asia/Baghdad",
	"Asia/Tehran",
	"Asia/Dubai",
	"Asia/Baku",
	"Asia/Kabul",
	"Asia/Yekaterinburg",
	"Asia/Karachi",
	"Asia/Kolkata",
	"Asia/Kathmandu",
	"Asia/Dhaka",
	"Asia/Colombo",
	"Asia/Almaty",
	"Asia/Rangoon",
	"Asia/Bangkok",
	"Asia/Krasnoyarsk",
	"Asia/Shanghai",
	"Asia/Kuala_Lumpur",
	"Asia/Taipei",
	"Australia/Perth",
	"Asia/Irkutsk",
	"Asia/Seoul",
	"Asia/Tokyo",
	"Asia/Yakutsk",
	"Australia/Darwin",
	"Australia/Adelaide",
	"Australia/Sydney",
	"Australia/Brisbane",
	"Australia/Hobart",
	"Asia/Vladivostok",
	"Pacific/Guam",
	"Asia/Magadan",
	"Pacific/Fiji",
	"Pacific/Auckland",
	"Pacific/Tongatapu"
];
var ACCEPTED = new Set(KARTRA_TIME_ZONES);
var isKartraTimeZone = (tz) => ACCEPTED.has(tz);
// src/shared/domain/actions.ts
var name = (what) => zod.z.string().trim().min(1, `${what} cannot be empty`);
var LeadAction = zod.z.discriminatedUnion("cmd", [
	zod.z.object({
		cmd: zod.z.literal("assign_tag"),
		tag_name: name("tag")
	}),
	zod.z.object({
		cmd: zod.z.literal("unassign_tag"),
		tag_name: name("tag")
	}),
	zod.z.object({
		cmd: zod.z.literal("subscribe_lead_to_list"),
		list_name: name("list")
	}),
	zod.z.object({
		cmd: zod.z.literal("unsubscribe_lead_from_list"),
		list_name: name("list")
	}),
	zod.z.object({
		cmd: zod.z.literal("subscribe_lead_to_sequence_at_step"),
		sequence_name: name("sequence"),
		step: zod.z.string().regex(/^[A-Za-z0-9]+$/, "step has to be alphanumeric")
	}),
	zod.z.object({
		cmd: zod.z.literal("unsubscribe_lead_from_sequence"),
		sequence_name: name("sequence")
	}),
	zod.z.object({
		cmd: zod.z.literal("give_points_to_lead"),
		points: zod.z.number().int().positive(),
		expiration: zod.z.number().int().nonnegative().optional()
	}),
	zod.z.object({
		cmd: zod.z.literal("remove_points_from_lead"),
		points: zod.z.number().int().positive()
	}),
	zod.z.object({
		cmd: zod.z.literal("calendar_subscribe"),
		calendar_name: name("calendar"),
		class_name: name("class"),
		starting_date: zod.z.string().regex(/^\d{2} [A-Z][a-z]{2} \d{4}$/, "date must look like 16 Jan 2019").optional(),
		starting_hour: zod.z.string().regex(/^\d{2}:\d{2}$/, "hour must look like 15:00").optional()
	}),
	zod.z.object({
		cmd: zod.z.literal("calendar_cancel"),
		calendar_name: name("calendar"),
		class_name: name("class")
	})
]);
zod.z.object({
	cmd: zod.z.string(),
	ok: zod.z.boolean(),
	message: zod.z.string(),
	kartraType: zod.z.string().optional(),
	/** Kartra stopped the chain before this action: it was not applied and can simply be sent again. */
	notRun: zod.z.boolean().optional()
});
// src/shared/domain/import.ts
/** Lead fields a column can map to; custom fields are `custom:<identifier>`; `ignore` skips the column. */
var IMPORT_TARGET_FIELDS = [
	"email",
	"first_name",
	"middle_name",
	"last_name",
	"last_name2",
	"phone",
	"phone_country_code",
	"company",
	"address",
	"city",
	"state",
	"zip",
	"country",
	"website",
	"facebook",
	"twitter",
	"linkedin",
	"lead_preferred_time_zone",
	"sales_tax_id",
	"ip",
	"lead_picture"
];
var ImportTarget = zod.z.union([
	zod.z.enum(IMPORT_TARGET_FIELDS),
	zod.z.string().regex(/^custom:[A-Za-z0-9_-]+$/),
	zod.z.literal("ignore")
]);
/** Column name (as in the header) → target. */
var ColumnMapping = zod.z.record(zod.z.string(), ImportTarget);
var ImportMode = zod.z.enum([
	"create",
	"update",
	"upsert"
]);
var ImportOptions = zod.z.object({
	mode: ImportMode,
	tags: zod.z.array(zod.z.string().trim().min(1)).max(50).default([]),
	lists: zod.z.array(zod.z.string().trim().min(1)).max(50).default([]),
	sequence: zod.z.object({
		name: zod.z.string().trim().min(1),
		step: zod.z.string().regex(/^[A-Za-z0-9]+$/)
	}).nullable().default(null),
	points: zod.z.number().int().min(0).max(1e6).default(0),
	/** The user confirms consent was obtained; API-added leads are never marked as GDPR-accepted. */
	gdprConfirmed: zod.z.boolean()
});
var FileAnalysis = zod.z.object({
	fileName: zod.z.string(),
	bytes: zod.z.number(),
	encoding: zod.z.enum([
		"utf-8",
		"utf-8-bom",
		"utf-16le",
		"utf-16be",
		"windows-1252"
	]),
	delimiter: zod.z.enum([
		",",
		";",
		"	"
	]),
	headers: zod.z.array(zod.z.string()),
	/** First rows as parsed (for the mapping screen). */
	sample: zod.z.array(zod.z.array(zod.z.string())),
	rowCount: zod.z.number(),
	/** File-level problems (empty file, duplicate header, binary content, ...). */
	problems: zod.z.array(zod.z.string()),
	suggestedMapping: ColumnMapping,
	/** True when the mapping was remembered from an earlier file with the same headers. */
	mappingRemembered: zod.z.boolean()
});
var CellError = zod.z.object({
	column: zod.z.string(),
	message: zod.z.string()
});
var RowStatus = zod.z.enum([
	"invalid",
	"ready",
	"excluded",
	"in_flight",
	"created",
	"updated",
	"skipped",
	"failed"
]);
var ImportRow = zod.z.object({
	row: zod.z.number(),
	/** Cell values by column name (after any inline fix). */
	values: zod.z.record(zod.z.string(), zod.z.string()),
	errors: zod.z.array(CellError),
	status: RowStatus,
	/** Kartra's reason or the skip reason, after the run. */
	outcome: zod.z.string().nullable(),
	leadId: zod.z.string().nullable()
});
var JobKind = zod.z.enum(["import", "recipe"]);
var JobStatus = zod.z.enum([
	"uploading",
	"analyzed",
	"validating",
	"validated",
	"running",
	"paused",
	"cancelled",
	"finished",
	"failed"
]);
var JobCounts = zod.z.object({
	total: zod.z.number(),
	invalid: zod.z.number(),
	excluded: zod.z.number(),
	ready: zod.z.number(),
	created: zod.z.number(),
	updated: zod.z.number(),
	skipped: zod.z.number(),
	failed: zod.z.number()
});
var JobProgress = zod.z.object({
	jobId: zod.z.string(),
	kind: JobKind,
	name: zod.z.string(),
	status: JobStatus,
	counts: JobCounts,
	/** Rows settled so far in this run, and the rates over the last few seconds. */
	done: zod.z.number(),
	rowsPerSec: zod.z.number(),
	callsPerSec: zod.z.number(),
	calls: zod.z.number(),
	etaSec: zod.z.number().nullable(),
	createdAt: zod.z.number(),
	updatedAt: zod.z.number(),
	error: zod.z.string().nullable()
});
var Recipe = zod.z.object({
	id: zod.z.string(),
	name: zod.z.string().trim().min(1).max(80),
	actions: zod.z.array(LeadAction).min(1).max(20),
	updatedAt: zod.z.number()
});
/** Who a recipe is applied to: lead ids (e.g. selected in a search), pasted emails, or an import's rows. */
var RecipeTarget = zod.z.union([
	zod.z.object({ leadIds: zod.z.array(zod.z.string().regex(/^\d+$/)).min(1).max(1e5) }),
	zod.z.object({ emails: zod.z.array(zod.z.string().trim().email()).min(1).max(1e5) }),
	zod.z.object({ importJobId: zod.z.string() })
]);
// src/main/core/import/aliases.ts
/** Aliases as they appear in exports of CRMs, spreadsheets and Kartra itself, compared after normalise(). */
var ALIASES$1 = {
	email: [
		"email",
		"e-mail",
		"email address",
		"e-mail address",
		"mail",
		"emailaddress",
		"primary email",
		"work email",
		"contact email",
		"lead email"
	],
	first_name: [
		"first name",
		"firstname",
		"first",
		"given name",
		"forename",
		"vorname",
		"prénom",
		"prenom"
	],
	middle_name: [
		"middle name",
		"middle",
		"middle initial",
		"second name"
	],
	last_name: [
		"last name",
		"lastname",
		"last",
		"surname",
		"family name",
		"nachname"
	],
	last_name2: [
		"last name 2",
		"second last name",
		"second surname",
		"maternal surname"
	],
	phone: [
		"phone",
		"phone number",
		"telephone",
		"tel",
		"mobile",
		"mobile phone",
		"mobile number",
		"cell",
		"cell phone",
		"cellphone",
		"handy",
		"work phone"
	],
	phone_country_code: [
		"phone country code",
		"country calling code",
		"calling code",
		"dial code",
		"dialing code"
	],
	company: [
		"company",
		"company name",
		"organisation",
		"organization",
		"organisation name",
		"organization name",
		"business",
		"business name",
		"employer",
		"firm",
		"firma",
		"unternehmen",
		"société",
		"empresa"
	],
	address: [
		"address",
		"street",
		"street address",
		"address 1",
		"address line 1",
		"address1"
	],
	city: [
		"city",
		"town",
		"town/city",
		"city/town",
		"locality"
	],
	state: [
		"state",
		"province",
		"region",
		"county",
		"state/province",
		"state or province"
	],
	zip: [
		"zip",
		"zip code",
		"zipcode",
		"postcode",
		"post code",
		"postal code",
		"postalcode",
		"plz"
	],
	country: [
		"country",
		"country name",
		"country code",
		"nation"
	],
	website: [
		"website",
		"web site",
		"web",
		"url",
		"homepage",
		"home page",
		"site"
	],
	facebook: [
		"facebook",
		"facebook url",
		"facebook profile"
	],
	twitter: [
		"twitter",
		"twitter handle",
		"x",
		"x handle",
		"twitter url"
	],
	linkedin: [
		"linkedin",
		"linked in",
		"linkedin url",
		"linkedin profile"
	],
	lead_preferred_time_zone: [
		"time zone",
		"timezone",
		"tz",
		"preferred time zone",
		"lead preferred time zone"
	],
	sales_tax_id: [
		"sales tax id",
		"vat",
		"vat id",
		"vat number",
		"tax id",
		"tax number"
	],
	ip: ["ip", "ip address"],
	lead_picture: [
		"picture",
		"photo",
		"avatar",
		"image",
		"lead picture",
		"profile picture",
		"picture url"
	]
};
/** Lowercase, accents and punctuation removed: "E-mail", "e_mail" and "EMAIL " all become "email". */
function normalise(header) {
	return header.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}
var BY_ALIAS = /* @__PURE__ */ new Map();
for (const target of IMPORT_TARGET_FIELDS) {
	BY_ALIAS.set(normalise(target), target);
	for (const alias of ALIASES$1[target]) if (!BY_ALIAS.has(normalise(alias))) BY_ALIAS.set(normalise(alias), target);
}
/** The target a header suggests on its own, or 'ignore'. */
function targetFor(header, fields) {
	const key = normalise(header);
	if (key === "") return "ignore";
	const lead = BY_ALIAS.get(key);
	if (lead) return lead;
	const custom = fields.find((f) => normalise(f.field_identifier) === key);
	return custom ? `custom:${custom.field_identifier}` : "ignore";
}
/** One target per column; when two columns suggest the same field, the first (leftmost) keeps it. */
function suggestMapping(headers, fields) {
	const used = /* @__PURE__ */ new Set();
	const mapping = {};
	for (const header of headers) {
		const target = targetFor(header, fields);
		if (target !== "ignore" && used.has(target)) mapping[header] = "ignore";
		else {
			mapping[header] = target;
			used.add(target);
		}
	}
	return mapping;
}
/** Key of a header set for remembered mappings: the same columns in any order and case. */
function headerSetKey(headers) {
	return [...new Set(headers.map((h) => h.trim().toLowerCase()))].sort().join("");
}
/**
* The mapping offered for a file: the one the user confirmed for the same columns before (per account),
* where it still fits the account's custom fields, else the suggestion.
*/
function chooseMapping(headers, fields, remembered) {
	const suggested = suggestMapping(headers, fields);
	if (!remembered) return {
		mapping: suggested,
		remembered: false
	};
	const byLower = new Map(Object.entries(remembered).map(([column, target]) => [column.toLowerCase(), target]));
	const mapping = {};
	for (const header of headers) {
		const target = byLower.get(header.toLowerCase());
		mapping[header] = target !== void 0 && (!target.startsWith("custom:") || fields.some((f) => `custom:${f.field_identifier}` === target)) ? target : suggested[header] ?? "ignore";
	}
	return {
		mapping,
		remembered: true
	};
}
// src/main/core/import/countries.ts
var NOT_COUNTRIES = /* @__PURE__ */ new Set([
	"EU",
	"EZ",
	"QO",
	"UN",
	"XA",
	"XB",
	"ZZ"
]);
var ALIASES = {
	uk: "GB",
	usa: "US",
	"u.s.": "US",
	"u.s.a.": "US",
	"united states of america": "US",
	"great britain": "GB",
	"the netherlands": "NL",
	holland: "NL"
};
var tables;
/** Built once from Intl (full ICU): every canonical region code and its long/short English names. */
function load() {
	if (tables) return tables;
	const long = new Intl.DisplayNames(["en"], {
		type: "region",
		fallback: "none"
	});
	const short = new Intl.DisplayNames(["en"], {
		type: "region",
		style: "short",
		fallback: "none"
	});
	const byCode = /* @__PURE__ */ new Map();
	const byName = /* @__PURE__ */ new Map();
	for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
		const code = String.fromCharCode(a, b);
		if (NOT_COUNTRIES.has(code)) continue;
		const name = long.of(code);
		if (!name || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
		byCode.set(code, name);
		byName.set(name.toLowerCase(), name);
		const alt = short.of(code);
		if (alt && alt.length > 2) byName.set(alt.toLowerCase(), name);
	}
	for (const [alias, code] of Object.entries(ALIASES)) {
		const name = byCode.get(code);
		if (name) byName.set(alias, name);
	}
	tables = {
		byCode,
		byName
	};
	return tables;
}
/** The country's English name, or null when the cell is neither a known code nor a known name. */
function resolveCountry(value) {
	const { byCode, byName } = load();
	const text = value.trim();
	if (/^[A-Za-z]{2}$/.test(text)) return byCode.get(text.toUpperCase()) ?? byName.get(text.toLowerCase()) ?? null;
	return byName.get(text.replace(/\s+/g, " ").toLowerCase()) ?? null;
}
// src/main/core/import/cell-rules.ts
/** The same email pattern the lead schemas use (zod), so a row that passes here also passes there. */
var EMAIL_PATTERN = zod.z.regexes.email;
var MAX_TEXT = 2e3;
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A cell that cannot be sent; anything else a check returns is the value to send. */
var Problem = class {
	message;
	constructor(message) {
		this.message = message;
	}
};
var quote = (value) => `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
function controlCharProblem(value) {
	const match = CONTROL.exec(value);
	if (!match) return null;
	const code = match[0].charCodeAt(0);
	return code === 0 ? "contains a NUL character (the file may be damaged); retype the value" : `contains an invisible control character (U+${code.toString(16).toUpperCase().padStart(4, "0")}); retype the value`;
}
function checkEmail(value) {
	if (value === "") return new Problem("is empty: every lead needs an email address");
	if (value.length > 320) return new Problem(`is longer than 320 characters`);
	if (!EMAIL_PATTERN.test(value)) return new Problem(`${quote(value)} is not a valid email address`);
	return value;
}
function checkText(value) {
	if (value.length > 2e3) return new Problem(`is longer than ${MAX_TEXT} characters (${value.length}); Kartra cannot store it`);
	return value;
}
var ZONES = new Map(KARTRA_TIME_ZONES.map((tz) => [tz.toLowerCase(), tz]));
function checkTimeZone(value) {
	return ZONES.get(value.toLowerCase()) ?? new Problem(`${quote(value)} is not one of the ${KARTRA_TIME_ZONES.length} time zones Kartra accepts (e.g. Europe/London, America/New_York)`);
}
var countryCache = /* @__PURE__ */ new Map();
function checkCountry(value) {
	let name = countryCache.get(value);
	if (name === void 0) {
		name = resolveCountry(value);
		if (countryCache.size > 5e3) countryCache.clear();
		countryCache.set(value, name);
	}
	return name ?? new Problem(`${quote(value)} is not a country name or a two-letter ISO country code (e.g. DE or Germany)`);
}
/**
* The check of one custom field: text for input/text area; a drop-down or radio cell names one option
* (its label in any case, or its id); a checkbox cell may name several, separated by ";", "|" or ",".
*/
function customCheck(field) {
	if (field.field_type === "input_field" || field.field_type === "text_area") return checkText;
	const byLabel = new Map(field.options.map((o) => [o.option_value.trim().toLowerCase(), o.option_id]));
	const ids = new Set(field.options.map((o) => o.option_id));
	const find = (part) => {
		const trimmed = part.trim();
		return byLabel.get(trimmed.toLowerCase()) ?? (ids.has(trimmed) ? trimmed : void 0);
	};
	const options = optionList(field);
	if (field.field_type !== "checkbox") return (value) => find(value) ?? new Problem(`${quote(value)} is not one of the options of ${field.field_identifier} (${options})`);
	return (value) => {
		const whole = find(value);
		if (whole) return [whole];
		const found = [];
		const unknown = [];
		for (const part of value.split(/[;|,]/)) {
			if (part.trim() === "") continue;
			const id = find(part);
			if (id === void 0) unknown.push(part.trim());
			else if (!found.includes(id)) found.push(id);
		}
		if (unknown.length === 0 && found.length > 0) return found;
		return new Problem(`${unknown.map(quote).join(", ") || quote(value)} ${unknown.length > 1 ? "are" : "is"} not among the options of ${field.field_identifier} (${options}); separate several with ";"`);
	};
}
function optionList(field) {
	const labels = field.options.map((o) => o.option_value);
	return labels.length > 8 ? `${labels.slice(0, 8).join(", ")}, …` : labels.join(", ");
}
// src/main/core/import/validate-row.ts
var invalid = (message, field) => new AppError("invalid_input", message, { details: { field } });
/** Checks the mapping against the file's columns and the account's custom fields; throws invalid_input with a clear message. */
function compileMapping(headers, mapping, fields) {
	const index = new Map(headers.map((h, i) => [h, i]));
	for (const column of Object.keys(mapping)) if (!index.has(column)) throw invalid(`The file has no column named "${column}"; map the columns it has (${headers.slice(0, 6).join(", ")}${headers.length > 6 ? ", …" : ""}).`, `mapping.${column}`);
	const byTarget = /* @__PURE__ */ new Map();
	const columns = [];
	for (const header of headers) {
		const target = mapping[header] ?? "ignore";
		if (target === "ignore") continue;
		const other = byTarget.get(target);
		if (other !== void 0) throw invalid(`Columns "${other}" and "${header}" are both mapped to ${label(target)}; map each field from one column only.`, `mapping.${header}`);
		byTarget.set(target, header);
		columns.push(plan(index.get(header) ?? 0, header, target, fields));
	}
	const email = columns.find((c) => c.target === "email");
	if (!email) throw invalid("Map one column to email: Kartra identifies every lead by its email address.", "mapping");
	return {
		headers,
		columns,
		emailIndex: email.index
	};
}
function plan(index, header, target, fields) {
	if (target.startsWith("custom:")) {
		const identifier = target.slice(7);
		const field = fields.find((f) => f.field_identifier === identifier);
		if (!field) throw invalid(`This Kartra account has no custom field "${identifier}" (column "${header}"). Create it in Kartra or refresh the account lists.`, `mapping.${header}`);
		const freeText = field.field_type === "input_field" || field.field_type === "text_area";
		return {
			index,
			header,
			target,
			field: identifier,
			custom: true,
			rule: customCheck(field),
			freeText
		};
	}
	const rule = target === "email" ? checkEmail : target === "lead_preferred_time_zone" ? checkTimeZone : target === "country" ? checkCountry : checkText;
	return {
		index,
		header,
		target,
		field: target,
		custom: false,
		rule,
		freeText: rule === checkText
	};
}
function label(target) {
	return target.startsWith("custom:") ? `the custom field ${target.slice(7)}` : target;
}
var NO_ERRORS = Object.freeze([]);
/**
* Checks one row. `reviewed` rows (fixed by hand) skip the cell-count check: the user has seen the
* values as they are aligned. Empty cells are not sent, so an update never blanks a field by accident.
* With `build` false only the errors and the email are worked out (the validation pass over a whole file).
*/
function validateRow(cm, cells, reviewed = false, build = true) {
	let errors = null;
	if (!reviewed && cells.length !== cm.headers.length) {
		const extra = cells.slice(cm.headers.length).filter((c) => c.trim() !== "");
		if (cells.length < cm.headers.length || extra.length > 0) errors = [{
			column: cm.headers[Math.min(cells.length, cm.headers.length) - 1] ?? cm.headers[0] ?? "",
			message: `this row has ${cells.length} cells but the header has ${cm.headers.length}, so its values may be in the wrong columns${extra.length > 0 ? ` (extra: ${extra.map((e) => `"${e.slice(0, 40)}"`).join(", ")})` : ""}; fix the row or exclude it`
		}];
	}
	const lead = build ? {} : null;
	let custom = null;
	let emailKey = "";
	for (const column of cm.columns) {
		const raw = cells[column.index] ?? "";
		const control = column.freeText ? controlCharProblem(raw) : null;
		if (control) {
			(errors ??= []).push({
				column: column.header,
				message: control
			});
			continue;
		}
		const value = raw.trim();
		if (value === "" && column.target !== "email") continue;
		const checked = column.freeText ? value.length > 2e3 ? column.rule(value) : value : column.rule(value);
		if (checked instanceof Problem) {
			(errors ??= []).push({
				column: column.header,
				message: checked.message
			});
			continue;
		}
		if (column.target === "email") emailKey = value.toLowerCase();
		if (!lead) continue;
		if (column.custom) (custom ??= []).push({
			field_identifier: column.field,
			field_value: checked
		});
		else lead[column.field] = checked;
	}
	if (lead && custom) lead.custom_fields = custom;
	return {
		errors: errors ?? NO_ERRORS,
		emailKey,
		lead: errors === null && lead ? lead : null
	};
}
// src/main/core/import/encoding.ts
/** Signatures of files people drop by mistake; each gets a message that says what it is. */
var MAGIC = [
	[[
		80,
		75,
		3,
		4
	], "an Excel workbook (.xlsx) or another ZIP archive, not CSV text. In Excel use File › Save As › \"CSV UTF-8\""],
	[[
		208,
		207,
		17,
		224
	], "an old Excel workbook (.xls) or another Office document, not CSV text. In Excel use File › Save As › \"CSV UTF-8\""],
	[[
		37,
		80,
		68,
		70,
		45
	], "a PDF document, not CSV text"],
	[[
		137,
		80,
		78,
		71
	], "a PNG image, not CSV text"],
	[[
		255,
		216,
		255
	], "a JPEG image, not CSV text"],
	[[
		71,
		73,
		70,
		56
	], "a GIF image, not CSV text"],
	[[31, 139], "a gzip archive, not CSV text"],
	[[
		127,
		69,
		76,
		70
	], "a program, not CSV text"]
];
var startsWith = (buf, sig) => buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
/**
* Guess from the first bytes of a file (64 KB is plenty). `complete` says the sample is the whole
* file, so a multi-byte character cut at its end counts as broken rather than truncated.
*/
function detectEncoding(sample, complete) {
	if (startsWith(sample, [
		239,
		187,
		191
	])) return {
		encoding: "utf-8-bom",
		notText: null
	};
	if (startsWith(sample, [255, 254])) return {
		encoding: "utf-16le",
		notText: null
	};
	if (startsWith(sample, [254, 255])) return {
		encoding: "utf-16be",
		notText: null
	};
	for (const [signature, what] of MAGIC) if (startsWith(sample, signature)) return {
		encoding: "utf-8",
		notText: `This file is ${what}.`
	};
	const utf16 = utf16WithoutBom(sample);
	if (utf16) return {
		encoding: utf16,
		notText: null
	};
	let nul = 0;
	let control = 0;
	for (const byte of sample) if (byte === 0) nul++;
	else if ((byte < 9 || byte > 13 && byte < 32) && byte !== 27) control++;
	if (sample.length > 0 && (nul + control) / sample.length > .02 && nul + control >= 4) return {
		encoding: "utf-8",
		notText: "This file holds binary data, not CSV text (it may be a renamed spreadsheet, image or archive)."
	};
	const end = complete ? sample.length : utf8SafeEnd(sample);
	return {
		encoding: (0, node_buffer.isUtf8)(sample.subarray(0, end)) ? "utf-8" : "windows-1252",
		notText: null
	};
}
/** UTF-16 text without a BOM shows a zero byte in every other position (ASCII-heavy data, as CSV is). */
function utf16WithoutBom(sample) {
	const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
	if (pairs < 2) return null;
	let zeroEven = 0;
	let zeroOdd = 0;
	for (let i = 0; i < pairs; i++) {
		if (sample[2 * i] === 0) zeroEven++;
		if (sample[2 * i + 1] === 0) zeroOdd++;
	}
	if (zeroOdd / pairs > .3 && zeroEven / pairs < .05) return "utf-16le";
	if (zeroEven / pairs > .3 && zeroOdd / pairs < .05) return "utf-16be";
	return null;
}
/** Length of the buffer without a multi-byte UTF-8 sequence that continues past its end. */
function utf8SafeEnd(buf) {
	const len = buf.length;
	let i = len - 1;
	let back = 0;
	while (i >= 0 && back < 3 && ((buf[i] ?? 0) & 192) === 128) {
		i--;
		back++;
	}
	if (i < 0) return len;
	const lead = buf[i] ?? 0;
	const need = lead >= 240 ? 4 : lead >= 224 ? 3 : lead >= 192 ? 2 : 1;
	return len - i < need ? i : len;
}
/**
* Streaming UTF-8 validity check: feed the raw chunks in order; `push` returns false at the first
* invalid sequence, `end` false when the file ends inside a character.
*/
var Utf8Checker = class {
	carry = /* @__PURE__ */ new Uint8Array(0);
	push(chunk) {
		const data = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
		const end = utf8SafeEnd(data);
		if (!(0, node_buffer.isUtf8)(data.subarray(0, end))) return false;
		this.carry = data.slice(end);
		return true;
	}
	end() {
		return this.carry.length === 0;
	}
};
/** The WHATWG decoder label for an encoding that is decoded in JavaScript (UTF-8 goes to the parser as is). */
function decoderLabel(encoding) {
	return encoding === "utf-8-bom" ? "utf-8" : encoding;
}
/** Decodes a whole (small) buffer: the sample used for delimiter detection, BOM removed. */
function decodeSample(sample, encoding, complete) {
	const bytes = encoding === "utf-16le" || encoding === "utf-16be" ? sample.subarray(0, complete ? sample.length : sample.length - sample.length % 2) : sample;
	return new TextDecoder(decoderLabel(encoding)).decode(bytes);
}
// src/main/core/import/csv-source.ts
/** Records longer than this are refused: it is nearly always a quote that never closes. */
var MAX_RECORD_CHARS = 1e6;
var READ_CHUNK = 262144;
/** The file claimed (from its start) to be UTF-8 but is not: it is read again as Windows-1252. */
var NotUtf8Error = class extends Error {
	name = "NotUtf8Error";
	constructor() {
		super("the file is not valid UTF-8");
	}
};
/** The parser refused the file; `line` is the physical line it was reading. */
var CsvSyntaxError = class extends Error {
	line;
	name = "CsvSyntaxError";
	constructor(message, line) {
		super(message);
		this.line = line;
	}
};
/** The parser options shared by the import and the benchmark's baseline. */
function parserOptions(delimiter, sepLine) {
	return {
		delimiter,
		bom: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
		max_record_size: MAX_RECORD_CHARS,
		from_line: sepLine ? 2 : 1
	};
}
var Utf8Guard = class extends node_stream.Transform {
	checker = new Utf8Checker();
	_transform(chunk, _encoding, callback) {
		if (this.checker.push(chunk)) callback(null, chunk);
		else callback(new NotUtf8Error());
	}
	_flush(callback) {
		callback(this.checker.end() ? null : new NotUtf8Error());
	}
};
/** Decodes UTF-16/Windows-1252 bytes into UTF-8 bytes for the parser (the decoder also drops a BOM). */
var Decode = class extends node_stream.Transform {
	decoder;
	constructor(label) {
		super();
		this.decoder = new TextDecoder(label);
	}
	_transform(chunk, _encoding, callback) {
		callback(null, Buffer.from(this.decoder.decode(chunk, { stream: true }), "utf8"));
	}
	_flush(callback) {
		callback(null, Buffer.from(this.decoder.decode(), "utf8"));
	}
};
function syntaxError(error) {
	const e = error;
	if (typeof e?.code !== "string" || !e.code.startsWith("CSV_")) return error;
	const line = typeof e.lines === "number" ? e.lines : null;
	const at = line !== null ? `Line ${line}: ` : "";
	if (e.code === "CSV_QUOTE_NOT_CLOSED") return new CsvSyntaxError(`${at}a quoted field is never closed. Check the quotes (") near that line: a quote inside a field must be doubled ("").`, line);
	if (e.code === "CSV_MAX_RECORD_SIZE") return new CsvSyntaxError(`${at}a row is longer than ${MAX_RECORD_CHARS.toLocaleString("en")} characters. Most likely a quote (") opened there is never closed.`, line);
	return new CsvSyntaxError(`${at}the file is not valid CSV (${e.message ?? e.code}).`, line);
}
/**
* Calls `onRecord` for every record, in order, with the byte offset just past the record (in the UTF-8
* bytes the parser reads). Records are handled inside the parser's own callback and never queued, which
* keeps memory flat. Rejects with CsvSyntaxError, NotUtf8Error (only for `utf-8`), a file system error,
* or whatever onRecord threw.
*/
function readRecords(options, onRecord) {
	let failure = null;
	const source = (0, node_fs.createReadStream)(options.path, { highWaterMark: READ_CHUNK });
	const parser = (0, csv_parse.parse)({
		...parserOptions(options.delimiter, options.sepLine),
		on_record: (record, context) => {
			if (failure === null) try {
				onRecord(record, context.bytes);
			} catch (error) {
				failure = error;
				source.destroy();
			}
			return null;
		}
	});
	const stages = [];
	let copy = null;
	if (options.encoding === "utf-8") stages.push(new Utf8Guard());
	else if (options.encoding !== "utf-8-bom") {
		stages.push(new Decode(decoderLabel(options.encoding)));
		if (options.copyTo) {
			copy = (0, node_fs.createWriteStream)(options.copyTo);
			const tee = new node_stream.PassThrough();
			tee.on("data", (chunk) => copy?.write(chunk));
			stages.push(tee);
		}
	}
	const copied = () => new Promise((done, fail) => {
		if (!copy) return done();
		copy.end(() => done());
		copy.on("error", fail);
	});
	return new Promise((resolve, reject) => {
		let settled = false;
		const finish = (error) => {
			if (settled) return;
			settled = true;
			if (error) {
				source.destroy();
				parser.destroy();
				copy?.destroy();
				reject(syntaxError(error));
			} else copied().then(resolve, reject);
		};
		parser.on("end", () => finish(failure));
		parser.resume();
		const streams = [
			source,
			...stages,
			parser
		];
		(0, node_stream.pipeline)(...streams, (error) => {
			if (error || failure) finish(failure ?? error);
		});
	});
}
/** The records of one slice of a UTF-8 CSV file (a page: it starts and ends on record boundaries). */
function parseSlice(bytes, delimiter) {
	if (bytes.length === 0) return [];
	try {
		return (0, csv_parse_sync.parse)(bytes, { ...parserOptions(delimiter, false) });
	} catch (error) {
		throw syntaxError(error);
	}
}
// src/main/core/import/delimiter.ts
var DELIMITERS = [
	",",
	";",
	"	"
];
var SEP_LINE = /^sep=(.)(\r\n|\n|\r|$)/i;
var MAX_RECORDS = 50;
/** `text` is the decoded start of the file without BOM; it may end in the middle of a record. */
function detectDelimiter(text, complete) {
	const sep = SEP_LINE.exec(text);
	if (sep) {
		const declared = sep[1] ?? ",";
		if (DELIMITERS.includes(declared)) return {
			delimiter: declared,
			sepLine: true,
			unsupported: null
		};
		return {
			delimiter: ",",
			sepLine: true,
			unsupported: declared
		};
	}
	const counts = countPerRecord(text, complete);
	if (counts.length === 0) return {
		delimiter: ",",
		sepLine: false,
		unsupported: null
	};
	let best = {
		delimiter: ",",
		score: 0,
		header: 0
	};
	DELIMITERS.forEach((delimiter, d) => {
		const header = counts[0]?.[d] ?? 0;
		if (header === 0) return;
		const consistent = counts.filter((c) => c[d] === header).length / counts.length;
		if (consistent > best.score || consistent === best.score && header > best.header) best = {
			delimiter,
			score: consistent,
			header
		};
	});
	return {
		delimiter: best.delimiter,
		sepLine: false,
		unsupported: null
	};
}
/** Per record (outside quotes, blank lines skipped): how many of each candidate it holds. */
function countPerRecord(text, complete) {
	const records = [];
	let current = [
		0,
		0,
		0
	];
	let chars = 0;
	let quoted = false;
	const finish = () => {
		if (chars > 0) records.push(current);
		current = [
			0,
			0,
			0
		];
		chars = 0;
	};
	for (let i = 0; i < text.length && records.length < MAX_RECORDS; i++) {
		const c = text[i];
		if (quoted) {
			if (c === "\"") {
				if (text[i + 1] === "\"") i++;
				else quoted = false;
			}
			continue;
		}
		if (c === "\"") {
			quoted = true;
			chars++;
		} else if (c === "\n" || c === "\r") {
			if (c === "\r" && text[i + 1] === "\n") i++;
			finish();
		} else {
			chars++;
			const d = c === "," ? 0 : c === ";" ? 1 : c === "	" ? 2 : -1;
			if (d >= 0) current[d] = (current[d] ?? 0) + 1;
		}
	}
	if (complete && records.length < MAX_RECORDS) finish();
	return records;
}
// src/main/core/import/headers.ts
var MAX_HEADER = 200;
function readHeaders(record) {
	const problems = [];
	const headers = [];
	const seen = /* @__PURE__ */ new Map();
	const emailLike = record.find((cell) => EMAIL_PATTERN.test(cell.trim()));
	if (emailLike !== void 0) return {
		headers: [],
		problems: [],
		fatal: `The first row holds an email address ("${clip(emailLike.trim())}"), so it is data, not column names. Add a header row (e.g. Email,First Name,Last Name) and drop the file again.`
	};
	record.forEach((raw, index) => {
		let name = raw.replace(/\s+/g, " ").trim();
		if (name.length > MAX_HEADER) {
			problems.push(`Column ${index + 1} has a name longer than ${MAX_HEADER} characters; it is shown as "Column ${index + 1}".`);
			name = "";
		}
		if (name === "") name = `Column ${index + 1}`;
		const key = name.toLowerCase();
		const first = seen.get(key);
		if (first !== void 0) {
			let n = 2;
			while (seen.has(`${key} (${n})`)) n++;
			const renamed = `${name} (${n})`;
			problems.push(`Columns ${first + 1} and ${index + 1} are both called "${name}"; column ${index + 1} is shown as "${renamed}". Map the one that holds the data.`);
			name = renamed;
		}
		seen.set(name.toLowerCase(), index);
		headers.push(name);
	});
	return {
		headers,
		problems,
		fatal: null
	};
}
function clip(text) {
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
// src/main/core/import/analyze-file.ts
var SAMPLE_BYTES = 65536;
var FatalFile = class extends Error {};
function fatalResult(bytes, message, encoding = "utf-8", delimiter = ",") {
	return {
		bytes,
		encoding,
		delimiter,
		headers: [],
		sample: [],
		rowCount: 0,
		problems: [message],
		fatal: message,
		layout: null
	};
}
/** A record of empty cells only (a blank line, or a line of delimiters): skipped, not numbered. */
function isBlank(cells) {
	for (const cell of cells) if (cell.trim() !== "") return false;
	return true;
}
function readStart(path, bytes) {
	const fd = (0, node_fs.openSync)(path, "r");
	try {
		const buf = Buffer.alloc(Math.min(bytes, SAMPLE_BYTES));
		return buf.subarray(0, (0, node_fs.readSync)(fd, buf, 0, buf.length, 0));
	} finally {
		(0, node_fs.closeSync)(fd);
	}
}
async function analyzeFile(input, sinkFor, onProgress) {
	const bytes = (0, node_fs.statSync)(input.sourcePath).size;
	if (bytes === 0) return fatalResult(0, "The file is empty (0 bytes).");
	const start = readStart(input.sourcePath, bytes);
	const complete = start.length >= bytes;
	const guess = detectEncoding(start, complete);
	if (guess.notText) return fatalResult(bytes, guess.notText);
	const text = decodeSample(start, guess.encoding, complete).replace(/^\uFEFF/, "");
	if (complete && text.trim() === "") return fatalResult(bytes, "The file holds only blank lines or spaces.", guess.encoding);
	const delimiter = detectDelimiter(text, complete);
	if (delimiter.unsupported !== null) return fatalResult(bytes, `The file's first line declares "${delimiter.unsupported}" as its delimiter; Lead Desk reads comma, semicolon and tab separated files.`, guess.encoding);
	const pass = (encoding) => parsePass(input, sinkFor, onProgress, bytes, encoding, delimiter.delimiter, delimiter.sepLine);
	try {
		return await pass(guess.encoding);
	} catch (error) {
		if (!(error instanceof NotUtf8Error)) throw error;
		return pass("windows-1252");
	}
}
async function parsePass(input, sinkFor, onProgress, bytes, encoding, delimiter, sepLine) {
	const utf8 = encoding === "utf-8" || encoding === "utf-8-bom";
	const readPath = utf8 ? input.sourcePath : (0, node_path.join)(input.workDir, "source.utf8.csv");
	let headers = null;
	let sink = null;
	const problems = [];
	const sample = [];
	const starts = [];
	let rows = 0;
	let ragged = 0;
	let previousEnd = 0;
	try {
		await readRecords({
			path: input.sourcePath,
			encoding,
			delimiter,
			sepLine,
			copyTo: utf8 ? void 0 : readPath
		}, (cells, end) => {
			const startedAt = previousEnd;
			previousEnd = end;
			if (isBlank(cells)) return;
			if (headers === null) {
				const read = readHeaders(cells);
				if (read.fatal) throw new FatalFile(read.fatal);
				headers = read.headers;
				problems.push(...read.problems);
				sink = sinkFor(headers);
				return;
			}
			rows++;
			if ((rows - 1) % input.pageSize === 0) starts.push(startedAt);
			if (cells.length !== headers.length && (cells.length < headers.length || !isBlank(cells.slice(headers.length)))) ragged++;
			if (sample.length < input.sampleRows) sample.push(cells);
			sink?.row(rows, cells);
			if (rows % 5e4 === 0) onProgress(rows);
		});
	} catch (error) {
		if (error instanceof FatalFile || error instanceof CsvSyntaxError) return fatalResult(bytes, error.message, encoding, delimiter);
		throw error;
	}
	onProgress(rows);
	if (headers === null) return fatalResult(bytes, "The file holds only blank lines or empty cells.", encoding, delimiter);
	if (rows === 0) return {
		...fatalResult(bytes, "The file has a header row but no data rows.", encoding, delimiter),
		headers
	};
	if (ragged > 0) problems.push(`${ragged.toLocaleString("en")} row${ragged === 1 ? " has" : "s have"} more or fewer cells than the header; ${ragged === 1 ? "it is" : "they are"} marked invalid so nothing lands in the wrong field.`);
	const layout = {
		path: readPath,
		delimiter,
		sepLine,
		pageSize: input.pageSize,
		starts,
		end: (0, node_fs.statSync)(readPath).size
	};
	return {
		bytes,
		encoding,
		delimiter,
		headers,
		sample,
		rowCount: rows,
		problems,
		fatal: null,
		layout
	};
}
// src/main/core/import/duplicates.ts
var EMPTY = 0;
/** Scratch space for the two hashes of the address being checked (no allocation per row). */
var H = /* @__PURE__ */ new Uint32Array(2);
function hash2(text) {
	let a = 2166136261;
	let b = 2538058380;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		a = Math.imul(a ^ ch, 16777619);
		b = Math.imul(b ^ ch, 1540483477);
	}
	H[0] = mix(a);
	H[1] = mix(b ^ 625341585);
}
/** Final avalanche, so addresses that differ in one character spread over all bits. */
function mix(h) {
	h ^= h >>> 16;
	h = Math.imul(h, 2146121005);
	h ^= h >>> 15;
	h = Math.imul(h, 2221713035);
	h ^= h >>> 16;
	return h >>> 0;
}
/** Slot layout in one array, so a probe touches one cache line: [hash a, hash b, first row + 1]. */
var STRIDE = 3;
var DuplicateFinder = class {
	capacity;
	table;
	count = 0;
	constructor(initialCapacity = 65536) {
		this.capacity = initialCapacity;
		this.table = new Uint32Array(initialCapacity * STRIDE);
	}
	/** The earlier row with this (lower-cased) email, or null; the row is remembered when it is the first. */
	check(emailKey, row) {
		hash2(emailKey);
		const a = H[0];
		const b = H[1];
		const mask = this.capacity - 1;
		const t = this.table;
		for (let slot = a & mask;; slot = slot + 1 & mask) {
			const at = slot * STRIDE;
			const stored = t[at + 2];
			if (stored === EMPTY) {
				t[at] = a;
				t[at + 1] = b;
				t[at + 2] = row + 1;
				if (++this.count * 2 > this.capacity) this.grow();
				return null;
			}
			if (t[at] === a && t[at + 1] === b) return stored - 1;
		}
	}
	get size() {
		return this.count;
	}
	/** Doubles the table when half full, keeping probe chains short. */
	grow() {
		const old = this.table;
		this.capacity *= 2;
		this.table = new Uint32Array(this.capacity * STRIDE);
		const mask = this.capacity - 1;
		for (let at = 0; at < old.length; at += STRIDE) {
			if (old[at + 2] === EMPTY) continue;
			let slot = old[at] & mask;
			while (this.table[slot * STRIDE + 2] !== EMPTY) slot = slot + 1 & mask;
			this.table.set(old.subarray(at, at + STRIDE), slot * STRIDE);
		}
	}
};
// src/main/core/import/worker-db.ts
/** Opens the already-migrated app database from a worker thread; never migrates. */
function openWorkerDb(file) {
	const db = new node_sqlite.DatabaseSync(file);
	db.exec("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
	return db;
}
/**
* Runs fn in a short write transaction. The main thread writes to the same file: keeping each
* transaction to a few thousand rows keeps its waits (busy_timeout) in the milliseconds.
*/
function shortTransaction(db, fn) {
	db.exec("BEGIN IMMEDIATE");
	try {
		fn();
		db.exec("COMMIT");
	} catch (error) {
		db.exec("ROLLBACK");
		throw error;
	}
}
// src/main/core/import/validate-job.ts
var duplicateMessage = (first) => `duplicate of row ${first}: the same email address appears earlier in the file`;
/** One line per row (the row's lower-cased email, or nothing), after a leading newline: row r is line r. */
var emailsFile = (workDir) => (0, node_path.join)(workDir, "emails.txt");
var ROWS_PER_TRANSACTION = 2e3;
var RowValidator = class {
	db;
	jobId;
	cm;
	kept = /* @__PURE__ */ new Map();
	duplicates = new DuplicateFinder();
	emailHeader;
	insert;
	update;
	emailsFd;
	emails = [];
	writes = [];
	counts = {
		ready: 0,
		invalid: 0,
		excluded: 0
	};
	now = Date.now();
	constructor(db, jobId, workDir, cm) {
		this.db = db;
		this.jobId = jobId;
		this.cm = cm;
		this.emailHeader = cm.headers[cm.emailIndex] ?? "email";
		shortTransaction(db, () => db.prepare("DELETE FROM job_rows WHERE job_id = ? AND fixed_json IS NULL AND excluded = 0").run(jobId));
		for (const r of db.prepare("SELECT row, fixed_json, excluded FROM job_rows WHERE job_id = ?").all(jobId)) this.kept.set(r.row, {
			fixed: r.fixed_json === null ? null : JSON.parse(r.fixed_json),
			excluded: r.excluded === 1
		});
		this.insert = db.prepare("INSERT INTO job_rows (job_id, row, status, excluded, errors_json, email, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)");
		this.update = db.prepare("UPDATE job_rows SET status = ?, errors_json = ?, email = ?, updated_at = ? WHERE job_id = ? AND row = ?");
		this.emailsFd = (0, node_fs.openSync)(emailsFile(workDir), "w");
		(0, node_fs.writeSync)(this.emailsFd, "\n");
	}
	row(row, cells) {
		const k = this.kept.get(row);
		const check = validateRow(this.cm, k?.fixed ?? cells, k?.fixed != null, false);
		let errors = check.errors;
		if (check.emailKey !== "" && !k?.excluded) {
			const first = this.duplicates.check(check.emailKey, row);
			if (first !== null) errors = [...errors, {
				column: this.emailHeader,
				message: duplicateMessage(first)
			}];
		}
		this.emails.push(check.emailKey);
		const status = k?.excluded ? "excluded" : errors.length > 0 ? "invalid" : "ready";
		this.counts[status]++;
		if (k || errors.length > 0) this.writes.push([
			row,
			status,
			errors.length > 0 ? JSON.stringify(errors) : null,
			check.emailKey || null
		]);
		if (this.writes.length >= ROWS_PER_TRANSACTION) this.flushWrites();
		if (this.emails.length >= 2e4) this.flushEmails();
	}
	/** Writes what is left; returns the counts. */
	finish() {
		this.flushWrites();
		this.flushEmails();
		(0, node_fs.closeSync)(this.emailsFd);
		return this.counts;
	}
	abort() {
		(0, node_fs.closeSync)(this.emailsFd);
	}
	flushEmails() {
		if (this.emails.length === 0) return;
		(0, node_fs.writeSync)(this.emailsFd, `${this.emails.join("\n")}\n`);
		this.emails = [];
	}
	flushWrites() {
		if (this.writes.length === 0) return;
		const batch = this.writes;
		this.writes = [];
		shortTransaction(this.db, () => {
			for (const [row, status, errors, email] of batch) if (this.kept.has(row)) this.update.run(status, errors, email, this.now, this.jobId, row);
			else this.insert.run(this.jobId, row, status, errors, email, this.now);
		});
	}
};
/** A full validation pass over the job's (UTF-8) rows with a mapping the user chose. */
async function validatePass(db, input, cm, onProgress) {
	const validator = new RowValidator(db, input.jobId, input.workDir, cm);
	let header = false;
	let rows = 0;
	try {
		await readRecords({
			path: input.layout.path,
			encoding: "utf-8-bom",
			delimiter: input.layout.delimiter,
			sepLine: input.layout.sepLine
		}, (cells) => {
			if (isBlank(cells)) return;
			if (!header) {
				header = true;
				return;
			}
			validator.row(++rows, cells);
			if (rows % 5e4 === 0) onProgress(rows);
		});
	} catch (error) {
		validator.abort();
		throw error;
	}
	onProgress(rows);
	return validator.finish();
}
Object.defineProperty(exports, "AppError", {
	enumerable: true,
	get: function() {
		return AppError;
	}
});
Object.defineProperty(exports, "ColumnMapping", {
	enumerable: true,
	get: function() {
		return ColumnMapping;
	}
});
Object.defineProperty(exports, "FileAnalysis", {
	enumerable: true,
	get: function() {
		return FileAnalysis;
	}
});
Object.defineProperty(exports, "ImportOptions", {
	enumerable: true,
	get: function() {
		return ImportOptions;
	}
});
Object.defineProperty(exports, "ImportRow", {
	enumerable: true,
	get: function() {
		return ImportRow;
	}
});
Object.defineProperty(exports, "JobProgress", {
	enumerable: true,
	get: function() {
		return JobProgress;
	}
});
Object.defineProperty(exports, "KARTRA_TIME_ZONES", {
	enumerable: true,
	get: function() {
		return KARTRA_TIME_ZONES;
	}
});
Object.defineProperty(exports, "LeadAction", {
	enumerable: true,
	get: function() {
		return LeadAction;
	}
});
Object.defineProperty(exports, "Recipe", {
	enumerable: true,
	get: function() {
		return Recipe;
	}
});
Object.defineProperty(exports, "RecipeTarget", {
	enumerable: true,
	get: function() {
		return RecipeTarget;
	}
});
Object.defineProperty(exports, "RowStatus", {
	enumerable: true,
	get: function() {
		return RowStatus;
	}
});
Object.defineProperty(exports, "RowValidator", {
	enumerable: true,
	get: function() {
		return RowValidator;
	}
});
Object.defineProperty(exports, "analyzeFile", {
	enumerable: true,
	get: function() {
		return analyzeFile;
	}
});
Object.defineProperty(exports, "chooseMapping", {
	enumerable: true,
	get: function() {
		return chooseMapping;
	}
});
Object.defineProperty(exports, "compileMapping", {
	enumerable: true,
	get: function() {
		return compileMapping;
	}
});
Object.defineProperty(exports, "duplicateMessage", {
	enumerable: true,
	get: function() {
		return duplicateMessage;
	}
});
Object.defineProperty(exports, "emailsFile", {
	enumerable: true,
	get: function() {
		return emailsFile;
	}
});
Object.defineProperty(exports, "headerSetKey", {
	enumerable: true,
	get: function() {
		return headerSetKey;
	}
});
Object.defineProperty(exports, "isBlank", {
	enumerable: true,
	get: function() {
		return isBlank;
	}
});
Object.defineProperty(exports, "isKartraTimeZone", {
	enumerable: true,
	get: function() {
		return isKartraTimeZone;
	}
});
Object.defineProperty(exports, "openWorkerDb", {
	enumerable: true,
	get: function() {
		return openWorkerDb;
	}
});
Object.defineProperty(exports, "parseSlice", {
	enumerable: true,
	get: function() {
		return parseSlice;
	}
});
Object.defineProperty(exports, "shortTransaction", {
	enumerable: true,
	get: function() {
		return shortTransaction;
	}
});
Object.defineProperty(exports, "validatePass", {
	enumerable: true,
	get: function() {
		return validatePass;
	}
});
Object.defineProperty(exports, "validateRow", {
	enumerable: true,
	get: function() {
		return validateRow;
	}
});
