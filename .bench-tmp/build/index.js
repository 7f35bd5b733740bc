// \0rolldown/runtime.js
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
	if (from && typeof from === "object" || typeof from === "function") for (var keys = __getOwnPropNames(from), i = 0, n = keys.length, key; i < n; i++) {
		key = keys[i];
		if (!__hasOwnProp.call(to, key) && key !== except) __defProp(to, key, {
			get: ((k) => from[k]).bind(null, key),
			enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable
		});
	}
	return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(isNodeMode || !mod || !mod.__esModule || !__hasOwnProp.call(mod, "default") ? __defProp(target, "default", {
	value: mod,
	enumerable: true
}) : target, mod));
const require_validate_job = require("./chunks/validate-job-CUdoJmKy.js");
let electron = require("electron");
let node_path = require("node:path");
let zod = require("zod");
let undici = require("undici");
let node_fs = require("node:fs");
let node_crypto = require("node:crypto");
let node_http = require("node:http");
node_http = __toESM(node_http);
let node_perf_hooks = require("node:perf_hooks");
let qs = require("qs");
qs = __toESM(qs);
let node_sqlite = require("node:sqlite");
let node_fs_promises = require("node:fs/promises");
let node_module = require("node:module");
let node_url = require("node:url");
let node_worker_threads = require("node:worker_threads");
// src/shared/domain/limiter.ts
var LANES = [
	"interactive",
	"outbox",
	"bulk"
];
zod.z.enum(LANES);
var LimiterState = zod.z.object({
	appId: zod.z.string(),
	queued: zod.z.object({
		interactive: zod.z.number(),
		outbox: zod.z.number(),
		bulk: zod.z.number()
	}),
	inFlight: zod.z.number(),
	startsLastSecond: zod.z.number(),
	limit: zod.z.number(),
	count429: zod.z.number(),
	pausedUntil: zod.z.number().nullable()
});
// src/main/core/log.ts
var SECRET_KEY = /(api[_-]?key|api[_-]?password|password|secret|token|authorization)/i;
var SECRET_IN_TEXT = /((?:api_key|api_password|apiKey|apiPassword|password|token)["']?\s*[=:]\s*["']?)([^&"'\s,}]+)/gi;
function redact(value, depth = 0) {
	if (depth > 6) return "[…]";
	if (typeof value === "string") return value.replace(SECRET_IN_TEXT, "$1[redacted]");
	if (value instanceof Error) return {
		name: value.name,
		message: redact(value.message, depth + 1),
		stack: redact(value.stack ?? "", depth + 1)
	};
	if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
	if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]));
	return value;
}
function createLogger(write = (line) => process.stderr.write(line + "\n")) {
	const emit = (level, message, fields) => write(JSON.stringify({
		t: (/* @__PURE__ */ new Date()).toISOString(),
		level,
		message: redact(message),
		...fields ? redact(fields) : {}
	}));
	return {
		info: (m, f) => emit("info", m, f),
		warn: (m, f) => emit("warn", m, f),
		error: (m, f) => emit("error", m, f)
	};
}
var silentLogger = {
	info() {},
	warn() {},
	error() {}
};
// src/main/core/kartra/errors.ts
/** Kartra answered with status "Error" and a numeric `type` (HTTP 200, kartra-api.md §4, §5). */
var KartraApiError = class extends Error {
	type;
	kartraMessage;
	cmd;
	name = "KartraApiError";
	constructor(type, kartraMessage, cmd) {
		super(`Kartra error ${type || "?"}${cmd ? ` on ${cmd}` : ""}: ${kartraMessage}`);
		this.type = type;
		this.kartraMessage = kartraMessage;
		this.cmd = cmd;
	}
};
/** HTTP 429 or a "Too many requests" body (kartra-api.md §6). Always safe to retry after >= 1 s. */
var RateLimitedError = class extends Error {
	name = "RateLimitedError";
	constructor() {
		super("Kartra answered 429 Too many requests");
	}
};
/**
* The request did not get a usable answer.
* `sent: false` means nothing reached Kartra (connection refused, DNS) and a retry cannot harm;
* `sent: true` means the request may have been processed (timeout or reset after sending, 5xx):
* a write must be verified by reading the lead before it is sent again.
*/
var TransportError = class extends Error {
	sent;
	kind;
	status;
	name = "TransportError";
	constructor(message, sent, kind, status) {
		super(message);
		this.sent = sent;
		this.kind = kind;
		this.status = status;
	}
};
// src/main/core/kartra/rate-limiter.ts
var systemClock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (handle) => clearTimeout(handle)
};
/** Rejection for requests still queued when the limiter is closed (shutdown, account switch); Kartra never processed them. */
var LimiterClosedError = class extends require_validate_job.AppError {
	constructor(cause) {
		super("not_connected", "The Kartra connection was closed (shutdown or account switch) before this request went through; Kartra did not process it.", {
			retryable: true,
			cause
		});
	}
};
var STATE_INTERVAL_MS = 100;
function checkNumber(name, value, min, integer) {
	if (typeof value !== "number" || !Number.isFinite(value) || value < min || integer && !Number.isInteger(value)) throw new RangeError(`RateLimiter option ${name} must be ${integer ? "an integer" : "a finite number"} >= ${min}, got ${String(value)}`);
	return value;
}
/** Fills in defaults and rejects impossible values with a message naming the option. */
function resolveLimiterOptions(opts) {
	return {
		limit: checkNumber("limit", opts.limit ?? 20, 1, true),
		windowMs: checkNumber("windowMs", opts.windowMs ?? 1e3, 1, false),
		pauseOn429Ms: checkNumber("pauseOn429Ms", opts.pauseOn429Ms ?? 1e3, 0, false),
		max429Retries: checkNumber("max429Retries", opts.max429Retries ?? 30, 0, true),
		safetyMarginMs: checkNumber("safetyMarginMs", opts.safetyMarginMs ?? 5, 0, false),
		clock: opts.clock ?? systemClock,
		log: opts.log ?? silentLogger
	};
}
var RateLimiter = class {
	appId;
	opts;
	onState;
	queues = {
		interactive: [],
		outbox: [],
		bulk: []
	};
	/**
	* Requests that may still count in Kartra's window: each holds its slot until `windowMs` after its
	* answer came back (in flight: indefinitely). See nextStartAt() for why answers, not starts.
	*/
	slots = [];
	/** Start times of the last `limit` starts, for the state's "starts in the last second". */
	starts = [];
	inFlight = 0;
	count429 = 0;
	pausedUntil = 0;
	seq = 0;
	closed = false;
	pumping = false;
	startTimer = null;
	stateTimer = null;
	emitQueued = false;
	lastEmitAt = -Infinity;
	lastEmitted = "";
	constructor(options) {
		if (typeof options?.appId !== "string" || options.appId.trim() === "") throw new TypeError("RateLimiter needs a non-empty appId (one limiter per Kartra App)");
		this.appId = options.appId;
		this.opts = resolveLimiterOptions(options);
		this.onState = options.onState;
	}
	/** Runs `task` when its lane's turn comes and the window allows; retries it itself on 429. The task is started synchronously when allowed right away. */
	schedule(lane, task) {
		if (this.closed) return Promise.reject(new LimiterClosedError());
		if (!LANES.includes(lane)) return Promise.reject(/* @__PURE__ */ new TypeError(`Unknown limiter lane ${JSON.stringify(lane)}; expected one of: ${LANES.join(", ")}`));
		if (typeof task !== "function") return Promise.reject(/* @__PURE__ */ new TypeError("RateLimiter.schedule needs a task function"));
		return new Promise((resolve, reject) => {
			this.queues[lane].push({
				seq: this.seq++,
				lane,
				task,
				resolve,
				reject,
				attempts429: 0
			});
			this.changed();
			this.pump();
		});
	}
	state() {
		const now = this.opts.clock.now();
		const since = now - this.opts.windowMs;
		return {
			appId: this.appId,
			queued: {
				interactive: this.queues.interactive.length,
				outbox: this.queues.outbox.length,
				bulk: this.queues.bulk.length
			},
			inFlight: this.inFlight,
			startsLastSecond: this.starts.filter((s) => s > since).length,
			limit: this.opts.limit,
			count429: this.count429,
			pausedUntil: this.pausedUntil > now ? this.pausedUntil : null
		};
	}
	/** Rejects every queued task with LimiterClosedError and clears all timers. Tasks already running finish normally. */
	close() {
		if (this.closed) return;
		this.closed = true;
		this.clearStartTimer();
		this.clearStateTimer();
		for (const lane of LANES) {
			const queue = this.queues[lane].splice(0);
			for (const entry of queue) entry.reject(new LimiterClosedError());
		}
		this.deliver(this.state());
	}
	/** Starts as many queued tasks as the window and the pause allow, then arms one timer for the next allowed start. */
	pump() {
		if (this.pumping) return;
		this.pumping = true;
		try {
			for (;;) {
				if (this.closed) return;
				const queue = LANES.map((lane) => this.queues[lane]).find((q) => q.length > 0);
				if (!queue) {
					this.clearStartTimer();
					return;
				}
				const now = this.opts.clock.now();
				this.absorbClockJump(now);
				const at = this.nextStartAt(now);
				if (at > now) {
					if (Number.isFinite(at)) this.armStartTimer(at, now);
					else this.clearStartTimer();
					return;
				}
				const entry = queue.shift();
				if (entry) this.start(entry, now);
			}
		} finally {
			this.pumping = false;
		}
	}
	/**
	* Earliest time a new start keeps at most `limit` requests inside any of Kartra's windows.
	* Kartra counts *arrivals*, and a request arrives somewhere between our start and its answer: a
	* slow request started early may arrive just before a fast one started a window later. Timing the
	* window from each request's answer (an upper bound of its arrival) makes limit + 1 arrivals within
	* one window impossible, whatever the network jitter; a request still in flight keeps its slot until
	* it answers. The cost is one round trip per window: ~20/1.02 calls/s at 20 ms.
	*/
	nextStartAt(now) {
		this.pruneSlots(now);
		const busy = this.slots.length - this.opts.limit + 1;
		let at = -Infinity;
		if (busy > 0) at = (this.slots.map((s) => s.settledAt ?? Infinity).sort((a, b) => a - b)[busy - 1] ?? Infinity) + this.opts.windowMs + this.opts.safetyMarginMs;
		return Math.max(at, this.pausedUntil);
	}
	/** Drops slots whose answer came back more than a window (plus margin) ago: they no longer count. */
	pruneSlots(now) {
		const horizon = now - this.opts.windowMs - this.opts.safetyMarginMs;
		for (let i = this.slots.length - 1; i >= 0; i--) {
			const settled = this.slots[i].settledAt;
			if (settled !== null && settled <= horizon) this.slots.splice(i, 1);
		}
	}
	/** If the wall clock stepped backwards, recorded times lie in the future; clamp them so we wait at most one window, not the size of the jump. */
	absorbClockJump(now) {
		const last = this.starts[this.starts.length - 1];
		if (last !== void 0 && last > now) {
			for (let i = 0; i < this.starts.length; i++) this.starts[i] = Math.min(this.starts[i] ?? now, now);
			for (const slot of this.slots) {
				slot.startedAt = Math.min(slot.startedAt, now);
				if (slot.settledAt !== null) slot.settledAt = Math.min(slot.settledAt, now);
			}
		}
		if (this.pausedUntil > now + this.opts.pauseOn429Ms) this.pausedUntil = now + this.opts.pauseOn429Ms;
	}
	start(entry, now) {
		this.starts.push(now);
		if (this.starts.length > this.opts.limit) this.starts.shift();
		const slot = {
			startedAt: now,
			settledAt: null
		};
		this.slots.push(slot);
		this.inFlight++;
		this.changed();
		let running;
		try {
			running = Promise.resolve(entry.task());
		} catch (error) {
			running = Promise.reject(error);
		}
		running.then((value) => {
			this.settle(slot);
			entry.resolve(value);
			this.changed();
			this.pump();
		}, (error) => {
			this.settle(slot);
			this.failed(entry, error);
			this.pump();
		});
	}
	settle(slot) {
		this.inFlight--;
		slot.settledAt = Math.max(slot.startedAt, this.opts.clock.now());
	}
	failed(entry, error) {
		if (!(error instanceof RateLimitedError)) {
			entry.reject(error);
			this.changed();
			return;
		}
		const now = this.opts.clock.now();
		this.count429++;
		this.pausedUntil = Math.max(this.pausedUntil, now + this.opts.pauseOn429Ms);
		entry.attempts429++;
		this.opts.log.warn("Kartra rate limit hit; pausing every lane", {
			appId: this.appId,
			lane: entry.lane,
			attempt: entry.attempts429,
			count429: this.count429,
			pausedUntil: this.pausedUntil
		});
		if (entry.attempts429 > this.opts.max429Retries) entry.reject(error);
		else if (this.closed) entry.reject(new LimiterClosedError(error));
		else this.requeueAtFront(entry);
		this.changed();
		this.pump();
	}
	/** Back to the front of its lane, but behind retried tasks that arrived before it, so the lane stays in arrival order. */
	requeueAtFront(entry) {
		const queue = this.queues[entry.lane];
		let i = 0;
		while (i < queue.length && (queue[i]?.seq ?? Infinity) < entry.seq) i++;
		queue.splice(i, 0, entry);
	}
	armStartTimer(at, now) {
		if (this.startTimer?.at === at) return;
		this.clearStartTimer();
		const handle = this.opts.clock.setTimeout(() => {
			this.startTimer = null;
			this.pump();
		}, at - now);
		this.startTimer = {
			handle,
			at
		};
	}
	clearStartTimer() {
		if (this.startTimer) this.opts.clock.clearTimeout(this.startTimer.handle);
		this.startTimer = null;
	}
	/** Something changed: emit now if the last emission is old enough, else once when it is (trailing, so the final state always arrives). */
	changed() {
		if (!this.onState || this.closed) return;
		if (this.stateTimer && !this.stateTimer.settle) return;
		this.clearStateTimer();
		if (this.emitQueued) return;
		const now = this.opts.clock.now();
		const wait = this.lastEmitAt + STATE_INTERVAL_MS - now;
		if (wait <= 0) {
			this.emitQueued = true;
			queueMicrotask(() => {
				this.emitQueued = false;
				this.emitState();
			});
		} else this.armStateTimer(now + wait, now, false);
	}
	emitState() {
		if (this.closed) return;
		const state = this.state();
		this.deliver(state);
		if (state.queued.interactive + state.queued.outbox + state.queued.bulk === 0 && (state.startsLastSecond > 0 || state.pausedUntil !== null)) {
			const now = this.opts.clock.now();
			const lastStart = this.starts[this.starts.length - 1] ?? now;
			const at = Math.max(lastStart + this.opts.windowMs, this.pausedUntil, this.lastEmitAt + STATE_INTERVAL_MS, now);
			this.armStateTimer(at, now, true);
		}
	}
	deliver(state) {
		const key = JSON.stringify(state);
		if (!this.onState || key === this.lastEmitted) return;
		this.lastEmitted = key;
		this.lastEmitAt = this.opts.clock.now();
		try {
			this.onState(state);
		} catch (error) {
			this.opts.log.error("limiter state listener failed", {
				appId: this.appId,
				error
			});
		}
	}
	armStateTimer(at, now, settle) {
		this.clearStateTimer();
		const handle = this.opts.clock.setTimeout(() => {
			this.stateTimer = null;
			this.emitState();
		}, at - now);
		handle?.unref?.();
		this.stateTimer = {
			handle,
			at,
			settle
		};
	}
	clearStateTimer() {
		if (this.stateTimer) this.opts.clock.clearTimeout(this.stateTimer.handle);
		this.stateTimer = null;
	}
};
// src/main/core/outbox/connectivity.ts
var PROBE_BACKOFF_MS = [
	1e3,
	2e3,
	4e3,
	8e3,
	15e3,
	3e4
];
/** Failures that mean "Kartra cannot be reached", as opposed to Kartra refusing something. */
function isOfflineError(error) {
	if (error instanceof TransportError) return error.kind === "refused" || error.kind === "dns" || error.kind === "timeout" || error.kind === "reset" || error.kind === "http" && (error.status ?? 0) >= 500;
	return false;
}
/** Failures after which the change was certainly not sent and can simply wait. */
function isNotSent(error) {
	return error instanceof TransportError && !error.sent || error instanceof LimiterClosedError;
}
var Connectivity = class {
	options;
	online = true;
	osOnline = true;
	failures = 0;
	timer;
	probing = false;
	nextProbe = null;
	closed = false;
	constructor(options) {
		this.options = options;
	}
	isOnline() {
		return this.online && this.osOnline;
	}
	nextProbeAt() {
		return this.isOnline() ? null : this.nextProbe;
	}
	reportSuccess() {
		this.failures = 0;
		this.set(true);
	}
	/** Called with every failed request; only network failures take the app offline. */
	reportFailure(error) {
		if (!isOfflineError(error)) return;
		this.set(false);
		this.scheduleProbe();
	}
	/** The OS says the network came or went (Electron net / navigator.onLine). */
	setOsOnline(online) {
		if (online === this.osOnline) return;
		this.osOnline = online;
		if (online) {
			this.failures = 0;
			this.probeSoon(0);
		}
		this.options.onChange();
	}
	/** Forget the backoff and probe now (e.g. the user pressed "retry" or switched accounts). */
	probeSoon(delay = 0) {
		if (this.closed) return;
		clearTimeout(this.timer);
		this.nextProbe = Date.now() + delay;
		this.timer = setTimeout(() => void this.runProbe(), delay);
		this.timer.unref?.();
	}
	close() {
		this.closed = true;
		clearTimeout(this.timer);
	}
	set(online) {
		if (online === this.online) return;
		this.online = online;
		if (online) {
			clearTimeout(this.timer);
			this.nextProbe = null;
		}
		this.options.onChange();
	}
	scheduleProbe() {
		if (this.probing || this.closed) return;
		const steps = this.options.backoffMs ?? PROBE_BACKOFF_MS;
		const delay = steps[Math.min(this.failures, steps.length - 1)];
		this.probeSoon(delay);
		this.options.onChange();
	}
	async runProbe() {
		if (this.probing || this.closed) return;
		this.probing = true;
		try {
			await this.options.probe();
			this.probing = false;
			this.reportSuccess();
		} catch (error) {
			this.probing = false;
			this.failures++;
			if (isOfflineError(error) || isNotSent(error)) {
				this.set(false);
				this.scheduleProbe();
			} else this.reportSuccess();
		}
	}
};
// src/main/core/account/account-service.ts
var FETCH = {
	tags: (c) => c.retrieveAccountTags({ lane: "interactive" }),
	lists: (c) => c.retrieveAccountLists({ lane: "interactive" }),
	sequences: (c) => c.retrieveAccountSequences({ lane: "interactive" }),
	pages: (c) => c.retrieveAccountPages({ lane: "interactive" }),
	custom_fields: (c) => c.retrieveCustomFields({ lane: "interactive" })
};
var AccountService = class {
	connection;
	cache;
	/** Set when a refresh inside assertNamesExist could only return the stale cache (offline). */
	refreshFailed = false;
	constructor(connection, cache) {
		this.connection = connection;
		this.cache = cache;
	}
	/** One list from the cache, or from Kartra when asked to refresh or nothing is cached; offline falls back to the cache. */
	async list(kind, refresh) {
		const session = this.connection.require();
		const cached = this.cache.get(session.account.id, kind);
		if (cached && !refresh) return {
			...cached,
			stale: false
		};
		try {
			const items = await FETCH[kind](session.client);
			return {
				...this.cache.put(session.account.id, kind, items),
				stale: false
			};
		} catch (error) {
			if (cached && (isOfflineError(error) || isNotSent(error))) return {
				...cached,
				stale: true
			};
			throw error;
		}
	}
	tags(refresh) {
		return this.list("tags", refresh);
	}
	/** Every list as cached; the kinds named in `refresh` (or never fetched) are read from Kartra first. */
	async lists(refresh) {
		const session = this.connection.require();
		let stale = false;
		const result = {};
		for (const kind of [
			"tags",
			"lists",
			"sequences",
			"pages",
			"custom_fields"
		]) {
			const cached = this.cache.get(session.account.id, kind);
			if (!cached || refresh.includes(kind)) try {
				const fresh = await this.list(kind, true);
				stale ||= fresh.stale;
				result[kind] = fresh;
				continue;
			} catch (error) {
				if (!(isOfflineError(error) || isNotSent(error))) throw error;
				stale = true;
			}
			result[kind] = cached ?? {
				items: [],
				fetchedAt: null
			};
		}
		return {
			...result,
			stale
		};
	}
	async createCustomField(identifier, type, options) {
		const session = this.connection.require();
		if ((await this.list("custom_fields", false)).items.some((f) => f.field_identifier.toLowerCase() === identifier.toLowerCase())) throw new require_validate_job.AppError("already_exists", `A custom field named "${identifier}" already exists in this account.`, { details: { field: "identifier" } });
		await session.client.createCustomField({
			custom_field_identifier: identifier,
			custom_field_type: type,
			custom_field_options: options
		}, { lane: "interactive" });
		return this.lists(["custom_fields"]);
	}
	/**
	* Kartra refuses unknown tags, lists and sequences (212/214/231/209/219/220) and unknown steps (230):
	* checking the cached lists first gives a clear message and sends nothing. Refreshes once before
	* refusing, in case the name was created in Kartra a moment ago. Offline, unknown names are let
	* through (the outbox reports Kartra's answer later).
	*/
	async assertNamesExist(actions) {
		if ((await this.unknownNames(actions, false)).length === 0) return;
		this.refreshFailed = false;
		let problems;
		try {
			problems = await this.unknownNames(actions, true);
			if (this.refreshFailed) return;
		} catch (error) {
			if (isOfflineError(error) || isNotSent(error)) return;
			throw error;
		}
		if (problems.length > 0) throw new require_validate_job.AppError("invalid_input", `${problems.join(" ")} Create it in Kartra first, or pick an existing one.`, { details: { field: "actions" } });
	}
	async unknownNames(actions, refresh) {
		const problems = [];
		const needs = (cmds) => actions.some((a) => cmds.includes(a.cmd));
		const tags = needs(["assign_tag", "unassign_tag"]) ? new Set((await this.listOrNone("tags", refresh)).items) : void 0;
		const lists = needs(["subscribe_lead_to_list", "unsubscribe_lead_from_list"]) ? new Set((await this.listOrNone("lists", refresh)).items) : void 0;
		const sequences = needs(["subscribe_lead_to_sequence_at_step", "unsubscribe_lead_from_sequence"]) ? (await this.listOrNone("sequences", refresh)).items : void 0;
		for (const action of actions) {
			if ("tag_name" in action && tags && !tags.has(action.tag_name)) problems.push(`No tag named "${action.tag_name}" exists in this Kartra account.`);
			if ("list_name" in action && lists && !lists.has(action.list_name)) problems.push(`No list named "${action.list_name}" exists in this Kartra account.`);
			if ("sequence_name" in action && sequences) {
				const sequence = sequences.find((s) => s.name === action.sequence_name);
				if (!sequence) problems.push(`No sequence named "${action.sequence_name}" exists in this Kartra account.`);
				else if (action.cmd === "subscribe_lead_to_sequence_at_step" && sequence.steps && !sequence.steps.includes(action.step)) problems.push(`Sequence "${action.sequence_name}" has no step ${action.step} (it has ${sequence.steps.join(", ")}).`);
			}
		}
		return problems;
	}
	/** The list as cached or fetched; with nothing cached and Kartra unreachable, refresh=false knows nothing. */
	async listOrNone(kind, refresh) {
		try {
			const list = await this.list(kind, refresh);
			if (refresh && list.stale) this.refreshFailed = true;
			return list;
		} catch (error) {
			if (!refresh && (isOfflineError(error) || isNotSent(error))) return { items: [] };
			throw error;
		}
	}
};
// src/main/core/kartra/caller.ts
function laneOf(options) {
	return options?.lane ?? "interactive";
}
// src/shared/domain/lead.ts
/** Profile fields Kartra accepts in `lead[...]` for create_lead/edit_lead (kartra-api.md §8.1). */
var LEAD_TEXT_FIELDS = [
	"first_name",
	"middle_name",
	"last_name",
	"last_name2",
	"phone",
	"phone_country_code",
	"ip",
	"address",
	"zip",
	"city",
	"state",
	"country",
	"company",
	"lead_picture",
	"website",
	"facebook",
	"twitter",
	"linkedin",
	"lead_preferred_time_zone",
	"sales_tax_id"
];
var CUSTOM_FIELD_TYPES = [
	"input_field",
	"text_area",
	"drop_down",
	"radio_button",
	"checkbox"
];
var CustomFieldType = zod.z.enum(CUSTOM_FIELD_TYPES);
var CustomFieldOption = zod.z.object({
	option_id: zod.z.string(),
	option_value: zod.z.string()
});
/** A custom field's value on a lead: text for input/text_area, selected options otherwise. */
var LeadCustomField = zod.z.object({
	field_id: zod.z.string(),
	field_identifier: zod.z.string(),
	field_type: CustomFieldType,
	value: zod.z.union([zod.z.string(), zod.z.array(CustomFieldOption)])
});
var LeadListMembership = zod.z.object({
	list_name: zod.z.string(),
	active: zod.z.boolean()
});
var LeadSequenceMembership = zod.z.object({
	sequence_name: zod.z.string(),
	step: zod.z.string(),
	status: zod.z.string()
});
/** Calendar bookings; null when Kartra's answer does not include them (not evidenced in get_lead). */
var LeadCalendar = zod.z.object({
	calendar_name: zod.z.string(),
	class_name: zod.z.string(),
	active: zod.z.boolean()
});
var LeadMembership = zod.z.object({
	name: zod.z.string(),
	level_name: zod.z.string(),
	active: zod.z.boolean()
});
var Lead = zod.z.object({
	id: zod.z.string(),
	email: zod.z.string(),
	first_name: zod.z.string(),
	middle_name: zod.z.string(),
	last_name: zod.z.string(),
	last_name2: zod.z.string(),
	phone: zod.z.string(),
	phone_country_code: zod.z.string(),
	ip: zod.z.string(),
	ip_country: zod.z.string(),
	address: zod.z.string(),
	zip: zod.z.string(),
	city: zod.z.string(),
	state: zod.z.string(),
	country: zod.z.string(),
	company: zod.z.string(),
	lead_picture: zod.z.string(),
	website: zod.z.string(),
	facebook: zod.z.string(),
	twitter: zod.z.string(),
	linkedin: zod.z.string(),
	lead_preferred_time_zone: zod.z.string(),
	sales_tax_id: zod.z.string(),
	date_joined: zod.z.string(),
	score: zod.z.number(),
	source: zod.z.string(),
	notes: zod.z.string(),
	blacklisted: zod.z.number(),
	gdpr_lead_status: zod.z.string(),
	gdpr_lead_status_date: zod.z.string(),
	gdpr_lead_communications: zod.z.string(),
	tags: zod.z.array(zod.z.string()),
	lists: zod.z.array(LeadListMembership),
	sequences: zod.z.array(LeadSequenceMembership),
	memberships: zod.z.array(LeadMembership),
	custom_fields: zod.z.array(LeadCustomField),
	calendars: zod.z.array(LeadCalendar).nullable()
});
/** How a lead is addressed in a call: Kartra lets the id win when both are given. */
var LeadRef = zod.z.object({
	id: zod.z.string().regex(/^\d+$/, "lead id must be digits").optional(),
	email: zod.z.string().email().optional()
}).refine((r) => r.id !== void 0 || r.email !== void 0, { message: "give the lead id or email" });
// src/main/core/kartra/error-code-table.ts
var API_PLACE = "In Kartra, open My Integrations → API";
var BUG = "This is a bug in Lead Desk, not in your data; please report it.";
var SEQ = ["subscribe_lead_to_sequence_at_step"];
var CAL = ["calendar_subscribe", "calendar_cancel"];
var SUB_EDIT = ["edit_subscription"];
function row(kartraMessage, code, cmds, message) {
	return {
		kartraMessage,
		code,
		cmds,
		message
	};
}
var KARTRA_CODES = {
	"101": row("Lead subscribed to list", null, ["subscribe_lead_to_list", "unsubscribe_lead_from_list"], "The list subscription was updated."),
	"103": row("Tag added to lead", null, ["assign_tag"], "The tag was added to the lead."),
	"104": row("Tag removed from lead", null, ["unassign_tag"], "The tag was removed from the lead."),
	"105": row("Points added to lead", null, ["give_points_to_lead"], "The points were added to the lead."),
	"106": row("Points removed from lead", null, ["remove_points_from_lead"], "The points were removed from the lead."),
	"107": row("Lead added to sequence", null, SEQ, "The lead was added to the sequence."),
	"112": row("Lead subscribed to class", null, ["calendar_subscribe"], "The lead was booked into the calendar class."),
	"113": row("Lead unsubscribed from class", null, ["calendar_cancel"], "The calendar booking was cancelled."),
	"114": row("Custom Field created", null, ["create_custom_field"], "The custom field was created."),
	"115": row("Subscription modified", null, ["modify_subscription_status", "edit_subscription"], "The subscription was changed."),
	"201": row("Connection not secure", "auth_failed", "global", `Kartra refused the call because it was not sent over a secure (https) connection. Check the API address in the account settings: it must be https://app.kartra.com/api. Your API key and password are under My Integrations → API in Kartra.`),
	"202": row("API key cannot be empty. Please get an API key first", "auth_failed", "global", `Kartra received no API key. ${API_PLACE}, copy the API key and paste it into the account settings in Lead Desk.`),
	"203": row("API key not valid. Please get an API key first", "auth_failed", "global", `Kartra does not recognise the API key. ${API_PLACE}, copy the API key again (without spaces) and update it in the account settings.`),
	"233": row("API password not valid. Please get an API password first", "auth_failed", "global", `The API password does not match the API key. ${API_PLACE}, copy the API password that belongs to this key and update it in the account settings.`),
	"204": row("API Account inactive", "auth_failed", "global", `The Kartra account that owns this API key is inactive. Sign in to Kartra and check the account's status and billing; the key itself is listed under My Integrations → API.`),
	"238": row("App Id cannot be empty. Please get an App Id first", "auth_failed", "global", `Kartra received no App ID. Enter the App ID in the account settings; the app's developer finds it in Kartra under My Integrations → API, in the app's details.`),
	"239": row("App Id is not valid. The app does not exists or is inactive", "auth_failed", "global", `Kartra does not know this App ID, or the app is inactive. Compare the App ID in the account settings with the app shown in Kartra under My Integrations → API, and check that the app is active (Test Mode or Live).`),
	"240": row("App Account inactive", "auth_failed", "global", `The Kartra account of the app's developer (the owner of the App ID) is inactive. The developer must reactivate it; the app is listed in Kartra under My Integrations → API.`),
	"242": row("This API call was sent from an unauthorized IP", "auth_failed", "global", `Kartra refused the call because it came from an IP address this app is not allowed to use. ${API_PLACE} and add this computer's public IP address to the app's allowed IPs, or lift the IP restriction.`),
	"262": row("App does not have permission to execute this CMD", "auth_failed", "global", `The app is not allowed to run this command. ${API_PLACE} and check the app's permissions; Kartra may need to approve the app for this command first.`),
	"254": row("'cmd' is required", "kartra_error", "global", `Kartra received an action without a command. ${BUG}`),
	"206": row("email or lead id is required. Nothing done", "kartra_error", "global", "Kartra needs the lead's email address or id for this. Give one of them and try again."),
	"223": row("'lead' not an array", "kartra_error", "global", `Kartra could not read the lead in the request. ${BUG}`),
	"236": row("'get_lead' not an array", "kartra_error", "global", `Kartra could not read the lead lookup in the request. ${BUG}`),
	"224": row("'actions' not an array", "kartra_error", "global", `Kartra could not read the actions in the request. ${BUG}`),
	"429": row("Too many requests", "rate_limited", "global", "Kartra is busy: more than 20 calls per second were made for this app. Lead Desk waits a second and tries again."),
	"243": row("No lead found", "not_found", ["edit_lead", "search_lead"], "No lead with this email address or id exists in Kartra. Check it for typos, or create the lead first."),
	"234": row("No lead found", "not_found", ["get_lead"], "No lead with this email address or id exists in Kartra. Check it for typos, or create the lead first."),
	"244": row("Lead already exists", "already_exists", ["create_lead", "edit_lead"], "A lead with this email address already exists in Kartra. Open that lead and edit it instead, or (when changing an email) choose an address no other lead uses."),
	"245": row("Lead is deleted", "conflict", [
		"create_lead",
		"edit_lead",
		"search_lead",
		"get_lead"
	], "This lead was deleted in Kartra, and Kartra keeps its email address reserved. Restore the lead in Kartra, or use a different email address."),
	"271": row("Wrong custom field format", "kartra_error", ["create_lead", "edit_lead"], "Kartra rejected the custom field values. Drop-down and radio fields take an option id and checkboxes a list of option ids; refresh the account's custom fields and try again."),
	"207": row("List cannot be empty", "kartra_error", ["subscribe_lead_to_list"], "No list was chosen. Pick a list and try again."),
	"231": row("List does not exist", "kartra_error", ["subscribe_lead_to_list"], "This list does not exist in the Kartra account. Create it in Kartra first (the name must match exactly), then refresh the lists."),
	"208": row("List cannot be empty", "kartra_error", ["unsubscribe_lead_from_list"], "No list was chosen. Pick a list and try again."),
	"209": row("List does not exist", "kartra_error", ["unsubscribe_lead_from_list"], "This list does not exist in the Kartra account. Refresh the lists and pick one of them."),
	"211": row("Tag cannot be empty", "kartra_error", ["assign_tag"], "No tag was chosen. Pick a tag and try again."),
	"212": row("Tag does not exist", "kartra_error", ["assign_tag"], "This tag does not exist in the Kartra account, and the API cannot create tags. Create it in Kartra first, then refresh the tags."),
	"213": row("Tag cannot be empty", "kartra_error", ["unassign_tag"], "No tag was chosen. Pick a tag and try again."),
	"214": row("Tag does not exist", "kartra_error", ["unassign_tag"], "This tag does not exist in the Kartra account. Refresh the tags and pick one of them."),
	"215": row("Points cannot be empty", "kartra_error", ["give_points_to_lead"], "No number of points was given. Enter a whole number of points."),
	"227": row("Points is not a number", "kartra_error", ["give_points_to_lead"], "The points must be a whole number."),
	"217": row("Points cannot be empty", "kartra_error", ["remove_points_from_lead"], "No number of points was given. Enter a whole number of points."),
	"228": row("Points is not a number", "kartra_error", ["remove_points_from_lead"], "The points must be a whole number."),
	"226": row("Sequence cannot be empty", "kartra_error", [...SEQ, "unsubscribe_lead_from_sequence"], "No sequence was chosen. Pick a sequence and try again."),
	"225": row("Step cannot be empty", "kartra_error", SEQ, "No sequence step was given. Enter the step number from the sequence builder."),
	"219": row("Sequence does not exist", "kartra_error", SEQ, "This sequence does not exist in the Kartra account. Check its exact name in Kartra, then refresh the sequences."),
	"229": row("Step has to be alphanumeric", "kartra_error", SEQ, "The sequence step may only contain letters and digits."),
	"230": row("Step does not exist", "kartra_error", SEQ, "This step does not exist in the sequence. Check the step number in Kartra's sequence builder."),
	"220": row("Sequence does not exist", "kartra_error", ["unsubscribe_lead_from_sequence"], "This sequence does not exist in the Kartra account. Refresh the sequences and pick one of them."),
	"255": row("Calendar cannot be empty", "kartra_error", CAL, "No calendar was chosen. Pick a calendar and try again."),
	"256": row("Class cannot be empty", "kartra_error", CAL, "No class was chosen. Pick a class of the calendar and try again."),
	"257": row("Calendar does not exist", "kartra_error", CAL, "This calendar does not exist in Kartra, or it is not finished yet. Check its name and that it is complete in Kartra."),
	"258": row("Class does not exist", "kartra_error", CAL, "This class does not exist in that calendar. Check the class name in Kartra."),
	"259": row("No active/pending calendar subscription for this lead", "kartra_error", ["calendar_cancel"], "The lead has no active or pending booking in this class, so there is nothing to cancel."),
	"260": row("Invalid date format", "kartra_error", ["calendar_subscribe", ...SUB_EDIT], "The date or time is not in the format Kartra expects (date like 16 Jan 2019, time like 15:00; for subscriptions yyyy-mm-dd hh:mm)."),
	"261": row("Date is in the past", "kartra_error", ["calendar_subscribe", ...SUB_EDIT], "The date lies in the past (Kartra uses Eastern time). Pick a later date."),
	"263": row("Custom Field name can only contain letters, numbers, dashes or underscores", "kartra_error", ["create_custom_field"], "The custom field identifier may only contain letters, digits, dashes and underscores (no spaces)."),
	"264": row("Custom Field already exists or not allowed", "kartra_error", ["create_custom_field"], "A custom field with this identifier already exists, or the name is reserved. Choose another identifier."),
	"265": row("Custom Field cannot be empty", "kartra_error", ["create_custom_field"], "The custom field needs an identifier."),
	"269": row("Custom Field type not valid", "kartra_error", ["create_custom_field"], "The custom field type must be one of: input field, text area, drop-down, radio button, checkbox."),
	"270": row("Options not an array", "kartra_error", ["create_custom_field"], `Kartra could not read the field's options. ${BUG}`),
	"272": row("Option cannot be empty", "kartra_error", ["create_custom_field"], "One of the options is empty. Give every option a name."),
	"273": row("Options must have two or more elements", "kartra_error", ["create_custom_field"], "Drop-down, radio button and checkbox fields need at least two options."),
	"247": row("Transaction doesn't exist", "kartra_error", [
		"search_transaction",
		"get_transaction_details",
		"refund_transaction"
	], "No transaction with this id exists in the Kartra account. Check the order id."),
	"248": row("Subscription doesn't exist", "kartra_error", [
		"cancel_transaction",
		"modify_subscription_status",
		"edit_subscription",
		"search_subscription",
		"get_subscription_details"
	], "No subscription with this id exists in the Kartra account. Check the subscription id."),
	"249": row("Transaction not linked to any recurring subscription", "kartra_error", ["cancel_transaction"], "This transaction is a one-off payment, not part of a subscription, so there is nothing to cancel."),
	"250": row("Transaction outside refund period", "kartra_error", ["refund_transaction"], "The refund period for this transaction has ended; Kartra cannot refund it any more."),
	"251": row("Transaction already refunded", "kartra_error", ["refund_transaction"], "This transaction was already refunded."),
	"252": row("Subscription already cancelled", "kartra_error", ["cancel_transaction", "modify_subscription_status"], "This subscription is already cancelled."),
	"253": row("This type of transaction cannot be refunded or cancelled", "kartra_error", ["refund_transaction", "cancel_transaction"], "Only real sales and rebills can be refunded or cancelled; this one is another kind (or a test transaction)."),
	"266": row("Refund has failed", "kartra_error", ["refund_transaction"], "The payment processor refused the refund. Check the transaction in Kartra and with the payment processor."),
	"267": row("Cancellation has failed", "kartra_error", ["cancel_transaction", "modify_subscription_status"], "The payment processor refused the cancellation. Check the subscription in Kartra and with the payment processor."),
	"268": row("Invalid amount", "kartra_error", ["refund_transaction", ...SUB_EDIT], "The amount is not a valid number. Enter an amount such as 19.95."),
	"274": row("Wrong status", "kartra_error", ["modify_subscription_status"], "The status change must be cancel, pause or unpause."),
	"275": row("Subscriptions cancelled or terminated cannot be updated", "kartra_error", ["modify_subscription_status", ...SUB_EDIT], "This subscription is cancelled or finished, so it cannot be changed any more."),
	"276": row("Quantity must be between 1 and 9,999", "kartra_error", SUB_EDIT, "The quantity must be between 1 and 9,999."),
	"277": row("Price must be between 1.00 and 9,999.99", "kartra_error", SUB_EDIT, "The price must be between 1.00 and 9,999.99."),
	"278": row("Invalid number", "kartra_error", SUB_EDIT, "One of the numbers is not valid. Check the amounts and counts."),
	"280": row("Invalid recurring period", "kartra_error", SUB_EDIT, "This billing period is not allowed for the subscription's price type."),
	"281": row("Recurrence cannot be changed", "kartra_error", SUB_EDIT, "The billing period of this subscription cannot be changed."),
	"282": row("Incorrect number of installments", "kartra_error", SUB_EDIT, "The number of remaining installments is not valid."),
	"283": row("Wrong product id or price point", "kartra_error", SUB_EDIT, "The product or price point does not exist. Changing the product needs both the product id and the price point."),
	"284": row("Paypal transactions cannot be modified", "kartra_error", ["modify_subscription_status", ...SUB_EDIT], "PayPal subscriptions cannot be changed through Kartra, only cancelled."),
	"285": row("No editable parameters for subscription", "kartra_error", SUB_EDIT, "Nothing to change was given for the subscription."),
	"290": row("Tax must be between 0 and 100", "kartra_error", SUB_EDIT, "The tax rate must be a percentage between 0 and 100.")
};
// src/main/core/kartra/error-codes.ts
/** Normalise Kartra's `type` (string, number, padded) to the table's key. */
function normaliseKartraType(type) {
	if (typeof type === "number" && Number.isFinite(type)) return String(Math.trunc(type));
	if (typeof type === "string") return type.trim();
	return "";
}
/** The table row for a code, or — when Kartra sent no/an unknown type — for a known message. */
function lookupKartraCode(type, kartraMessage = "") {
	const byType = KARTRA_CODES[normaliseKartraType(type)];
	if (byType) return byType;
	if (normaliseKartraType(type) !== "") return void 0;
	const wanted = kartraMessage.trim().toLowerCase();
	if (!wanted) return void 0;
	return Object.values(KARTRA_CODES).find((row) => row.code !== null && row.kartraMessage.toLowerCase() === wanted);
}
/** The cmds that can fail with this code ([] when the code is unknown or global). */
function cmdsForKartraCode(type) {
	const cmds = KARTRA_CODES[normaliseKartraType(type)]?.cmds;
	return cmds && cmds !== "global" ? cmds : [];
}
/**
* Map a Kartra error to the app's error code and a message for the user.
* Unknown codes keep Kartra's own message so nothing Kartra said is lost.
*/
function describeKartraError(type, kartraMessage) {
	const row = lookupKartraCode(type, kartraMessage);
	if (row && row.code !== null) return {
		code: row.code,
		message: row.message
	};
	const normalised = normaliseKartraType(type);
	const said = kartraMessage.trim() || "no explanation was given";
	return {
		code: "kartra_error",
		message: `Kartra reported a problem${normalised ? ` (code ${normalised})` : ""}: ${said}`
	};
}
// src/main/core/kartra/decode.ts
var TOO_MANY = /too many requests/i;
var TOP_LEVEL_FIELDS = /* @__PURE__ */ new Set([
	"status",
	"message",
	"type",
	"actions"
]);
function isRecord$1(value) {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Decode one HTTP answer: rate limit and server failures become typed errors, the rest a DecodedResponse. */
function decodeHttpResponse(httpStatus, text) {
	if (httpStatus === 429) throw new RateLimitedError();
	if (httpStatus >= 500) throw new TransportError(`Kartra's server failed (HTTP ${httpStatus}); the request may have been processed`, true, "http", httpStatus);
	if (httpStatus < 200 || httpStatus >= 300) throw new TransportError(`The server answered HTTP ${httpStatus} instead of Kartra's API; check the API address`, false, "http", httpStatus);
	return decodeBody(text);
}
/** Decode a 200 body. Throws RateLimitedError for a "Too many requests" body, TransportError('bad_response') when unreadable. */
function decodeBody(text) {
	const parsed = parseJsonTolerantly(text);
	if (parsed === void 0) {
		if (TOO_MANY.test(text) && text.length < 500) throw new RateLimitedError();
		throw badResponse(`Kartra's answer was not valid JSON (${text.length} bytes)`);
	}
	if (!isRecord$1(parsed)) throw badResponse("Kartra answered with JSON that is not an object");
	const decoded = decodeObject(parsed);
	if (isRateLimited(decoded)) throw new RateLimitedError();
	return decoded;
}
function badResponse(message) {
	return new TransportError(message, true, "bad_response");
}
/**
* JSON.parse, then a second chance for a body that a PHP notice or BOM was printed in front of
* (`<br /><b>Notice</b>…{"status":…}`), a classic failure of PHP back ends.
*/
function parseJsonTolerantly(text) {
	const trimmed = text.replace(/^\uFEFF/, "").trim();
	try {
		return JSON.parse(trimmed);
	} catch {
		const start = trimmed.indexOf("{");
		const end = trimmed.lastIndexOf("}");
		if (start <= 0 || end <= start) return void 0;
		try {
			return JSON.parse(trimmed.slice(start, end + 1));
		} catch {
			return;
		}
	}
}
function readStatus(value) {
	if (typeof value === "boolean") return value ? "success" : "error";
	if (typeof value !== "string") return "none";
	const s = value.trim().toLowerCase();
	if (s === "success" || s === "ok") return "success";
	if (s === "error" || s === "failed" || s === "failure" || s === "fail") return "error";
	return "none";
}
function readText(value) {
	if (typeof value === "string") return value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return "";
}
function entryFrom(cmd, obj) {
	return {
		cmd,
		status: readStatus(obj.status),
		message: readText(obj.message),
		type: normaliseKartraType(obj.type),
		data: obj
	};
}
function decodeObject(obj) {
	const entries = [];
	const actions = Array.isArray(obj.actions) ? obj.actions : isRecord$1(obj.actions) ? Object.values(obj.actions) : [];
	for (const element of actions) {
		if (!isRecord$1(element)) continue;
		if (typeof element.cmd === "string") {
			entries.push(entryFrom(element.cmd, element));
			continue;
		}
		for (const [cmd, value] of Object.entries(element)) if (isRecord$1(value)) entries.push(entryFrom(cmd, value));
	}
	for (const [key, value] of Object.entries(obj)) if (!TOP_LEVEL_FIELDS.has(key) && isRecord$1(value) && "status" in value) entries.push(entryFrom(key, value));
	return {
		status: readStatus(obj.status),
		message: readText(obj.message),
		type: normaliseKartraType(obj.type),
		entries,
		data: obj
	};
}
function isRateLimited(decoded) {
	if (decoded.status !== "success" && (TOO_MANY.test(decoded.message) || decoded.type === "429")) return true;
	return decoded.status === "none" && decoded.entries.length === 1 && TOO_MANY.test(decoded.entries[0]?.message ?? "");
}
/**
* The answer of a one-command call. Kartra prints it flat, inside `actions`, or as a wrapper;
* an error anywhere wins (a top-level Error with a successful-looking entry is still an error).
*/
function outcomeOf(decoded, cmd) {
	const entry = decoded.entries.find((e) => e.cmd === cmd);
	if (decoded.status === "error" && entry?.status !== "error") return {
		cmd,
		status: "error",
		message: decoded.message,
		type: decoded.type,
		data: decoded.data
	};
	if (entry) return entry.status === "none" && decoded.status === "success" ? {
		...entry,
		status: "success"
	} : entry;
	const other = decoded.entries.find((e) => e.status === "error");
	if (other) return {
		...other,
		cmd
	};
	return {
		cmd,
		status: decoded.status,
		message: decoded.message,
		type: decoded.type,
		data: decoded.data
	};
}
/**
* Expect success for `cmd`: throws KartraApiError on an error answer. With `dataKey`, a body
* without a status still counts when it carries that key; otherwise a status is required.
*/
function expectSuccess(decoded, cmd, dataKey) {
	const outcome = outcomeOf(decoded, cmd);
	if (outcome.status === "error") throw new KartraApiError(outcome.type, outcome.message || "Kartra reported an error without a message", cmd);
	if (outcome.status === "none" && (dataKey === void 0 || findData(decoded, cmd, dataKey) === void 0)) throw badResponse(`Kartra's answer to ${cmd} carried no status`);
	return outcome;
}
/** A data key of `cmd`'s answer, looked up in its entry first, then at top level. */
function findData(decoded, cmd, key) {
	const entry = decoded.entries.find((e) => e.cmd === cmd);
	if (entry && entry.data[key] !== void 0) return entry.data[key];
	return decoded.data[key];
}
/** The lead id reported by create_lead / edit_lead / search_lead (`lead_details.id`), wherever it sits. */
function leadIdFrom(decoded) {
	const candidates = [...decoded.entries.filter((e) => [
		"create_lead",
		"edit_lead",
		"search_lead"
	].includes(e.cmd)).map((e) => e.data.lead_details), decoded.data.lead_details];
	for (const details of candidates) {
		const lead = Array.isArray(details) ? details[0] : details;
		if (!isRecord$1(lead)) continue;
		const id = lead.id ?? lead.lead_id;
		if (typeof id === "string" && id.trim() !== "" || typeof id === "number" && Number.isFinite(id)) return String(id).trim();
	}
	return null;
}
// src/main/core/kartra/input.ts
function parseInput(schema, value, what) {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "";
	return throwInvalid(`Invalid ${what}${field ? `: ${field}` : ""} — ${issue?.message ?? "not valid"}`, field || what);
}
function throwInvalid(message, field) {
	throw new require_validate_job.AppError("invalid_input", message, { details: { field } });
}
/** Kartra ids are integers that travel as strings; accept either, send digits. */
var KartraId = zod.z.union([zod.z.string().trim().regex(/^\d+$/, "must be a number of digits"), zod.z.number().int().nonnegative()]).transform((value) => String(value));
/** A money amount sent with two decimals (PHP parses "19.95" as a float). */
var Amount = zod.z.number().finite().positive("must be more than 0").max(1e6, "is unrealistically large").transform((value) => value.toFixed(2));
// src/main/core/kartra/uncertain-write-error.ts
/**
* Thrown instead of replaying a write blindly: the request was (possibly) sent, the answer was
* lost, and the client could not tell from the lead's state whether Kartra applied it (points
* cannot be attributed; a verification read failed; the single resend failed the same way).
* It is an AppError with code 'conflict' so the router shows its message as is: the user has to
* look at the lead in Kartra before deciding to send it again.
*/
var UncertainWriteError = class extends require_validate_job.AppError {
	what;
	reason;
	verdicts;
	constructor(what, reason, verdicts = [], cause) {
		const unsure = verdicts.filter((v) => v.verdict === "unknown").map((v) => v.part);
		const scope = unsure.length > 0 ? ` (unsure: ${unsure.join(", ")})` : "";
		super("conflict", `Lead Desk cannot tell whether Kartra applied ${what}${scope}: no usable answer came back after the request was sent, and ${reason}. Check the lead in Kartra before sending it again.`, {
			retryable: false,
			cause
		});
		this.what = what;
		this.reason = reason;
		this.verdicts = verdicts;
		Object.defineProperty(this, "name", { value: "UncertainWriteError" });
	}
};
/** The request may have reached Kartra but no answer came: a write must be verified, not replayed. */
function isUncertain(error) {
	return error instanceof TransportError && error.sent;
}
/** The one resend allowed after verification showed the write was not applied. */
async function resendOnce(send, what, parts = []) {
	try {
		return await send();
	} catch (error) {
		if (isUncertain(error)) throw new UncertainWriteError(what, "sending it once more failed the same way", parts, error);
		throw error;
	}
}
// src/main/core/kartra/wire-lead.ts
var TEXT_KEYS = [
	"email",
	"first_name",
	"middle_name",
	"last_name",
	"last_name2",
	"phone",
	"phone_country_code",
	"ip",
	"ip_country",
	"address",
	"zip",
	"city",
	"state",
	"country",
	"company",
	"lead_picture",
	"website",
	"facebook",
	"twitter",
	"linkedin",
	"lead_preferred_time_zone",
	"sales_tax_id",
	"date_joined",
	"source",
	"notes",
	"gdpr_lead_status",
	"gdpr_lead_status_date",
	"gdpr_lead_communications"
];
/** Text of a scalar: ids and flags may arrive as numbers; null / objects become "". */
function text$1(value) {
	if (typeof value === "string") return value;
	if (typeof value === "number" && Number.isFinite(value)) return String(value);
	if (typeof value === "boolean") return value ? "1" : "0";
	return "";
}
function num(value) {
	const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
	return Number.isFinite(n) ? n : 0;
}
/** Kartra flags: "1"/1/true/"active"/"yes" mean on; a missing flag takes `absent`. */
function flag(value, absent) {
	if (value === void 0 || value === null || value === "") return absent;
	if (typeof value === "boolean") return value;
	if (typeof value === "number") return value !== 0;
	const s = String(value).trim().toLowerCase();
	return s === "1" || s === "true" || s === "yes" || s === "active" || s === "subscribed";
}
/** Array elements of a list Kartra may send as an array or a PHP-style keyed object. */
function items(value) {
	if (Array.isArray(value)) return value;
	if (isRecord$1(value)) return Object.values(value);
	return [];
}
function firstText(obj, keys) {
	for (const key of keys) {
		const value = text$1(obj[key]);
		if (value !== "") return value;
	}
	return "";
}
/** Map get_lead's `lead_details` (an object, or an array holding one) to the shared Lead. */
function normaliseLead(raw) {
	const details = Array.isArray(raw) ? raw[0] : raw;
	const obj = isRecord$1(details) ? details : {};
	const lead = { id: firstText(obj, ["id", "lead_id"]) };
	for (const key of TEXT_KEYS) lead[key] = text$1(obj[key]);
	lead.score = num(obj.score);
	lead.blacklisted = num(obj.blacklisted);
	lead.tags = normaliseTags(obj.tags);
	lead.lists = items(obj.lists).flatMap((item) => {
		const name = isRecord$1(item) ? firstText(item, ["list_name", "name"]) : text$1(item);
		return name ? [{
			list_name: name,
			active: isRecord$1(item) ? flag(item.active, true) : true
		}] : [];
	});
	lead.sequences = items(obj.sequences).flatMap((item) => {
		if (!isRecord$1(item)) return text$1(item) ? [{
			sequence_name: text$1(item),
			step: "",
			status: "active"
		}] : [];
		const name = firstText(item, ["sequence_name", "name"]);
		if (!name) return [];
		const status = text$1(item.status).trim().toLowerCase() || (flag(item.active, true) ? "active" : "unsubscribed");
		return [{
			sequence_name: name,
			step: firstText(item, [
				"step",
				"step_id",
				"sequence_step"
			]),
			status
		}];
	});
	lead.memberships = items(obj.memberships).flatMap((item) => {
		if (!isRecord$1(item)) return [];
		const name = firstText(item, ["name", "membership_name"]);
		return name ? [{
			name,
			level_name: firstText(item, ["level_name", "level"]),
			active: flag(item.active, true)
		}] : [];
	});
	lead.custom_fields = items(obj.custom_fields).flatMap((item) => isRecord$1(item) ? [normaliseCustomField(item)] : []);
	lead.calendars = leadCalendars(obj);
	return lead;
}
function normaliseTags(value) {
	const names = items(value).map((item) => (isRecord$1(item) ? firstText(item, ["tag_name", "name"]) : text$1(item)).trim());
	return [...new Set(names.filter((name) => name !== ""))];
}
var CHOICE_TYPES = [
	"drop_down",
	"radio_button",
	"checkbox"
];
function normaliseCustomField(item) {
	const rawValue = item.field_value ?? item.value;
	const declared = text$1(item.field_type).trim().toLowerCase();
	const type = CUSTOM_FIELD_TYPES.includes(declared) ? declared : Array.isArray(rawValue) || isRecord$1(rawValue) ? "checkbox" : "input_field";
	const base = {
		field_id: text$1(item.field_id ?? item.id),
		field_identifier: text$1(item.field_identifier ?? item.identifier),
		field_type: type
	};
	if (!CHOICE_TYPES.includes(type)) {
		const value = Array.isArray(rawValue) ? normaliseOptions(rawValue).map((o) => o.option_value).join(", ") : text$1(rawValue);
		return {
			...base,
			value
		};
	}
	return {
		...base,
		value: normaliseOptions(rawValue)
	};
}
/** Selected options: objects {option_id, option_value}, bare ids, or a keyed map id → label. */
function normaliseOptions(value) {
	if (typeof value === "string" || typeof value === "number") {
		const id = text$1(value).trim();
		return id ? [{
			option_id: id,
			option_value: id
		}] : [];
	}
	if (isRecord$1(value) && !("option_id" in value)) return Object.entries(value).flatMap(([key, label]) => isRecord$1(label) ? normaliseOptions([label]) : [{
		option_id: key,
		option_value: text$1(label)
	}]);
	return items(Array.isArray(value) ? value : isRecord$1(value) ? [value] : []).flatMap((entry) => {
		if (isRecord$1(entry)) {
			const id = text$1(entry.option_id ?? entry.id).trim();
			const label = text$1(entry.option_value ?? entry.option_name ?? entry.value ?? entry.name);
			return id || label ? [{
				option_id: id,
				option_value: label || id
			}] : [];
		}
		const id = text$1(entry).trim();
		return id ? [{
			option_id: id,
			option_value: id
		}] : [];
	});
}
/** Calendar bookings, if Kartra ever includes them in get_lead (not evidenced, §8.2); null when absent. */
function leadCalendars(raw) {
	const details = Array.isArray(raw) ? raw[0] : raw;
	if (!isRecord$1(details)) return null;
	const list = details.calendars ?? details.calendar_subscriptions;
	if (list === void 0 || list === null) return null;
	return items(list).flatMap((item) => {
		if (!isRecord$1(item)) return [];
		const calendar = firstText(item, ["calendar_name", "calendar"]);
		const cls = firstText(item, ["class_name", "class"]);
		const status = text$1(item.status).trim().toLowerCase();
		const active = status ? [
			"active",
			"pending",
			"subscribed",
			"booked"
		].includes(status) : flag(item.active, true);
		return calendar ? [{
			calendar_name: calendar,
			class_name: cls,
			active
		}] : [];
	});
}
// src/main/core/kartra/commands-account.ts
async function retrieve$1(caller, lane, cmd, key) {
	const decoded = await caller.call({ actions: [{ cmd }] }, {
		lane,
		mode: "read"
	});
	expectSuccess(decoded, cmd, key);
	const value = findData(decoded, cmd, key);
	if (value === void 0 || value === null || value === "" || value === false) return [];
	if (!Array.isArray(value) && !isRecord$1(value)) throw badResponse(`Kartra's answer to ${cmd} has an unreadable ${key}`);
	return items(value);
}
function names(list, keys) {
	const out = list.map((item) => {
		if (!isRecord$1(item)) return text$1(item).trim();
		for (const key of keys) if (text$1(item[key]).trim()) return text$1(item[key]).trim();
		return "";
	});
	return [...new Set(out.filter((name) => name !== ""))];
}
async function retrieveAccountTags(caller, lane) {
	return names(await retrieve$1(caller, lane, "retrieve_account_tags", "account_tags"), ["tag_name", "name"]);
}
async function retrieveAccountLists(caller, lane) {
	return names(await retrieve$1(caller, lane, "retrieve_account_lists", "account_lists"), ["list_name", "name"]);
}
/** Response key guessed as `account_sequences` (kartra-api.md §11): names, or objects with or without steps. */
async function retrieveAccountSequences(caller, lane) {
	return (await retrieve$1(caller, lane, "retrieve_account_sequences", "account_sequences")).flatMap((item) => {
		if (!isRecord$1(item)) return text$1(item).trim() ? [{
			name: text$1(item).trim(),
			id: "",
			steps: null
		}] : [];
		const name = text$1(item.sequence_name ?? item.name).trim();
		if (!name) return [];
		const rawSteps = item.steps ?? item.sequence_steps;
		const steps = rawSteps === void 0 || rawSteps === null ? null : items(rawSteps).map((step) => (isRecord$1(step) ? text$1(step.step ?? step.step_id ?? step.number ?? step.id) : text$1(step)).trim()).filter((step) => step !== "");
		return [{
			name,
			id: text$1(item.sequence_id ?? item.id),
			steps
		}];
	});
}
/** Response key guessed as `account_pages`; AE names the fields kartra_page_id / kartra_page_name. */
async function retrieveAccountPages(caller, lane) {
	return (await retrieve$1(caller, lane, "retrieve_account_pages", "account_pages")).flatMap((item) => {
		if (!isRecord$1(item)) return text$1(item).trim() ? [{
			id: "",
			name: text$1(item).trim(),
			url: ""
		}] : [];
		const name = text$1(item.kartra_page_name ?? item.page_name ?? item.name ?? item.title).trim();
		const id = text$1(item.kartra_page_id ?? item.page_id ?? item.id);
		const url = text$1(item.kartra_page_url ?? item.page_url ?? item.url);
		return name || id ? [{
			id,
			name: name || id,
			url
		}] : [];
	});
}
async function retrieveCustomFields(caller, lane) {
	return (await retrieve$1(caller, lane, "retrieve_custom_fields", "custom_fields")).flatMap((item) => {
		if (!isRecord$1(item)) return [];
		const type = text$1(item.field_type).trim().toLowerCase();
		const identifier = text$1(item.field_identifier).trim();
		if (!identifier || !CUSTOM_FIELD_TYPES.includes(type)) return [];
		return [{
			field_id: text$1(item.field_id),
			field_identifier: identifier,
			field_type: type,
			options: normaliseOptions(item.field_value ?? [])
		}];
	});
}
var CreateCustomFieldInput = zod.z.object({
	custom_field_identifier: zod.z.string().trim().min(1, "is empty").max(100).regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, dashes and underscores"),
	custom_field_type: zod.z.enum(CUSTOM_FIELD_TYPES),
	custom_field_options: zod.z.array(zod.z.string().trim().min(1, "is an empty option")).optional()
}).strict().superRefine((value, ctx) => {
	const needsOptions = value.custom_field_type !== "input_field" && value.custom_field_type !== "text_area";
	const count = value.custom_field_options?.length ?? 0;
	if (needsOptions && count < 2) ctx.addIssue({
		code: "custom",
		path: ["custom_field_options"],
		message: "needs at least two options for this type"
	});
	if (!needsOptions && count > 0) ctx.addIssue({
		code: "custom",
		path: ["custom_field_options"],
		message: "only drop-down, radio and checkbox fields take options"
	});
});
/** create_custom_field; an uncertain send is settled by looking for the identifier in retrieve_custom_fields. */
async function createCustomField$1(caller, lane, input) {
	const data = parseInput(CreateCustomFieldInput, input, "custom field");
	const action = {
		cmd: "create_custom_field",
		custom_field_identifier: data.custom_field_identifier,
		custom_field_type: data.custom_field_type,
		custom_field_options: data.custom_field_options?.map((option_name) => ({ option_name }))
	};
	const send = async () => expectSuccess(await caller.call({ actions: [action] }, {
		lane,
		mode: "write"
	}), "create_custom_field");
	const what = `create_custom_field "${data.custom_field_identifier}"`;
	try {
		return { message: (await send()).message || "Custom Field created" };
	} catch (error) {
		if (!isUncertain(error)) throw error;
		if (await retrieveCustomFields(caller, lane).then((fields) => fields.some((f) => f.field_identifier.toLowerCase() === data.custom_field_identifier.toLowerCase()), (readError) => {
			throw new UncertainWriteError(what, "reading the custom fields back to check failed too", [], readError);
		})) return { message: "Custom Field created (confirmed by reading the custom fields)" };
		return { message: (await resendOnce(send, what)).message || "Custom Field created" };
	}
}
// src/shared/domain/lead-input.ts
var fieldText = zod.z.string().max(2e3, "is longer than 2000 characters");
var textShape = Object.fromEntries(LEAD_TEXT_FIELDS.map((field) => [field, fieldText.optional()]));
var timeZone = zod.z.string().refine((value) => value === "" || require_validate_job.KARTRA_TIME_ZONES.includes(value), { message: "is not one of the time zones Kartra accepts (e.g. Europe/London, America/New_York)" }).optional();
/** One custom field value: text for input/text area, an option id for drop-down/radio, option ids for checkboxes; "" clears. */
var CustomFieldInput = zod.z.object({
	field_identifier: zod.z.string().trim().min(1, "is empty"),
	field_value: zod.z.union([zod.z.string(), zod.z.array(zod.z.string().trim().min(1, "is an empty option id"))])
}).strict();
var email = zod.z.string().trim().email("is not a valid email address").max(320);
var common = {
	...textShape,
	lead_preferred_time_zone: timeZone,
	custom_fields: zod.z.array(CustomFieldInput).max(500).optional(),
	/** Kartra documents it only as a number (kartra-api.md §8.1, §14.4). */
	business_type: zod.z.number().int().nonnegative().optional()
};
/** create_lead: email required. */
var CreateLeadInput = zod.z.object({
	email,
	...common
}).strict();
/** edit_lead: every field optional; new_email changes the address. */
var EditLeadChanges = zod.z.object({
	new_email: email.optional(),
	...common
}).strict();
// src/main/core/kartra/lead-input.ts
/** The `lead[...]` block: identity first (id wins at Kartra when both are sent), then the profile. */
function leadBlock(ref, fields) {
	const block = {};
	if ("id" in ref && ref.id !== void 0) block.id = ref.id;
	if (ref.email !== void 0) block.email = ref.email;
	if (!fields) return block;
	if ("new_email" in fields && fields.new_email !== void 0) block.new_email = fields.new_email;
	for (const field of LEAD_TEXT_FIELDS) if (fields[field] !== void 0) block[field] = fields[field];
	if (fields.business_type !== void 0) block.business_type = fields.business_type;
	if (fields.custom_fields && fields.custom_fields.length > 0) block.custom_fields = fields.custom_fields.map((f) => ({
		field_identifier: f.field_identifier,
		field_value: Array.isArray(f.field_value) && f.field_value.length === 0 ? "" : f.field_value
	}));
	return block;
}
/** The `actions[i]` element of a lead action: the cmd followed by its parameters. */
function actionParams(action) {
	const { cmd, ...params } = action;
	return {
		cmd,
		...params
	};
}
/** Human label of an action, for messages ("assign_tag VIP"). */
function describeAction$1(action) {
	switch (action.cmd) {
		case "assign_tag":
		case "unassign_tag": return `${action.cmd} "${action.tag_name}"`;
		case "subscribe_lead_to_list":
		case "unsubscribe_lead_from_list": return `${action.cmd} "${action.list_name}"`;
		case "subscribe_lead_to_sequence_at_step": return `${action.cmd} "${action.sequence_name}" step ${action.step}`;
		case "unsubscribe_lead_from_sequence": return `${action.cmd} "${action.sequence_name}"`;
		case "give_points_to_lead":
		case "remove_points_from_lead": return `${action.cmd} ${action.points}`;
		case "calendar_subscribe":
		case "calendar_cancel": return `${action.cmd} "${action.calendar_name}" / "${action.class_name}"`;
	}
}
// src/main/core/kartra/commands-lead.ts
/** get_lead by id (preferred: Kartra lets the id win) or email; `lead_details` comes back at top level. */
async function getLeadState(caller, refIn, lane) {
	const ref = parseInput(LeadRef, refIn, "lead reference");
	const lookup = ref.id !== void 0 ? { id: ref.id } : { email: ref.email ?? "" };
	const decoded = await caller.call({ get_lead: lookup }, {
		lane,
		mode: "read"
	});
	const outcome = outcomeOf(decoded, "get_lead");
	if (outcome.status === "error") throw new KartraApiError(outcome.type, outcome.message || "No lead found", "get_lead");
	const raw = findData(decoded, "get_lead", "lead_details");
	const details = Array.isArray(raw) ? raw[0] : raw;
	if (!isRecord$1(details)) {
		if (outcome.status === "success" && /no lead/i.test(outcome.message)) throw new KartraApiError(outcome.type, outcome.message, "get_lead");
		throw badResponse("Kartra's answer to get_lead carried no lead_details");
	}
	return {
		lead: normaliseLead(details),
		raw: details
	};
}
async function getLead(caller, ref, lane) {
	return (await getLeadState(caller, ref, lane)).lead;
}
/** True for the answers that mean "there is no (usable) lead here": 243/234 not found, 245 deleted. */
function isNoLeadError(error) {
	if (!(error instanceof KartraApiError)) return false;
	const { code } = describeKartraError(error.type, error.kartraMessage);
	return code === "not_found" || error.type === "245";
}
/** get_lead for verification: null when the lead does not exist (or is deleted). */
async function readLeadState(caller, ref, lane) {
	try {
		return await getLeadState(caller, ref, lane);
	} catch (error) {
		if (isNoLeadError(error)) return null;
		throw error;
	}
}
/** search_lead: the lead's id, or null when Kartra finds no lead (243). A deleted lead (245) throws. */
async function searchLead$1(caller, refIn, lane) {
	const ref = parseInput(LeadRef, refIn, "lead reference");
	const decoded = await caller.call({
		lead: leadBlock(ref, void 0),
		actions: [{ cmd: "search_lead" }]
	}, {
		lane,
		mode: "read"
	});
	const outcome = outcomeOf(decoded, "search_lead");
	if (outcome.status === "error") {
		const error = new KartraApiError(outcome.type, outcome.message, "search_lead");
		if (describeKartraError(error.type, error.kartraMessage).code === "not_found") return null;
		throw error;
	}
	if (outcome.status === "none") throw badResponse("Kartra's answer to search_lead carried no status");
	const id = leadIdFrom(decoded) ?? ref.id;
	if (!id) throw badResponse("Kartra's answer to search_lead carried no lead id");
	return { id };
}
// src/main/core/kartra/commands-payment.ts
var SUBSCRIPTION_PERIODS = [
	"monthly",
	"every 2 months",
	"quarterly",
	"yearly",
	"every 2 years",
	"weekly",
	"every 2 weeks"
];
var DATA_KEYS = {
	get_transaction_details: "transaction_details",
	get_subscription_details: "subscription_details",
	retrieve_transactions_from_lead: "transaction_list",
	retrieve_subscriptions_from_lead: "subscriptions_list"
};
async function send$2(caller, lane, mode, action, lead) {
	const cmd = String(action.cmd);
	const decoded = await caller.call(lead ? {
		lead,
		actions: [action]
	} : { actions: [action] }, {
		lane,
		mode
	});
	const entry = expectSuccess(decoded, cmd, DATA_KEYS[cmd]);
	return {
		entry,
		get: (key) => entry.data[key] !== void 0 ? entry.data[key] : findData(decoded, cmd, key)
	};
}
function details$1(value, what) {
	const obj = Array.isArray(value) ? value[0] : value;
	if (!isRecord$1(obj)) throw badResponse(`Kartra's answer carried no ${what}`);
	return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, isRecord$1(v) || Array.isArray(v) ? JSON.stringify(v) : text$1(v)]));
}
/** A read that answers "does not exist" with a Kartra error: false instead of a throw. */
async function exists(run, missingType) {
	try {
		await run();
		return true;
	} catch (error) {
		if (error instanceof KartraApiError && error.type === missingType) return false;
		throw error;
	}
}
async function searchTransaction$1(caller, lane, transactionId) {
	const id = parseInput(KartraId, transactionId, "transaction id");
	return exists(() => send$2(caller, lane, "read", {
		cmd: "search_transaction",
		transaction_id: id
	}), "247");
}
async function getTransactionDetails$1(caller, lane, transactionId) {
	return details$1((await send$2(caller, lane, "read", {
		cmd: "get_transaction_details",
		transaction_id: parseInput(KartraId, transactionId, "transaction id")
	})).get("transaction_details"), "transaction_details");
}
async function searchSubscription$1(caller, lane, subscriptionId) {
	const id = parseInput(KartraId, subscriptionId, "subscription id");
	return exists(() => send$2(caller, lane, "read", {
		cmd: "search_subscription",
		subscription_id: id
	}), "248");
}
async function getSubscriptionDetails$1(caller, lane, subscriptionId) {
	return details$1((await send$2(caller, lane, "read", {
		cmd: "get_subscription_details",
		subscription_id: parseInput(KartraId, subscriptionId, "subscription id")
	})).get("subscription_details"), "subscription_details");
}
async function retrieveTransactionsFromLead$1(caller, lane, refIn) {
	return items((await send$2(caller, lane, "read", { cmd: "retrieve_transactions_from_lead" }, leadBlock(parseInput(LeadRef, refIn, "lead reference"), void 0))).get("transaction_list")).flatMap((t) => isRecord$1(t) ? [{
		transaction_id: text$1(t.transaction_id),
		lead_id: text$1(t.lead_id),
		lead_email: text$1(t.lead_email),
		transaction_type: text$1(t.transaction_type)
	}] : []);
}
async function retrieveSubscriptionsFromLead$1(caller, lane, refIn) {
	const answer = await send$2(caller, lane, "read", { cmd: "retrieve_subscriptions_from_lead" }, leadBlock(parseInput(LeadRef, refIn, "lead reference"), void 0));
	return items(answer.get("subscriptions_list") ?? answer.get("subscription_list")).flatMap((s) => isRecord$1(s) ? [{
		subscription_id: text$1(s.subscription_id),
		lead_id: text$1(s.lead_id),
		lead_email: text$1(s.lead_email),
		subscription_status: text$1(s.subscription_status)
	}] : []);
}
/** A money write whose answer was lost is reported, never re-sent: a second refund or cancellation cannot be undone. */
async function moneyWrite(caller, lane, action, what) {
	try {
		return await send$2(caller, lane, "write", action);
	} catch (error) {
		if (isUncertain(error)) throw new UncertainWriteError(what, "payment changes are never sent twice automatically", [{
			part: String(action.cmd),
			verdict: "unknown"
		}], error);
		throw error;
	}
}
var RefundInput = zod.z.object({
	transaction_id: KartraId,
	refund_amount: Amount.optional()
}).strict();
/** refund_transaction; without refund_amount Kartra refunds the full amount. */
async function refundTransaction$1(caller, lane, input) {
	const data = parseInput(RefundInput, input, "refund");
	return { transactionRefunded: text$1((await moneyWrite(caller, lane, {
		cmd: "refund_transaction",
		...data
	}, `refund_transaction for transaction ${data.transaction_id}`)).get("transaction_refunded")) };
}
var CancelTransactionInput = zod.z.union([zod.z.object({ transaction_id: KartraId }).strict(), zod.z.object({ transaction_internal_subscription_id: KartraId }).strict()]);
/** cancel_transaction: cancels the recurring subscription behind a transaction (by order id or internal subscription id). */
async function cancelTransaction$1(caller, lane, input) {
	const data = parseInput(CancelTransactionInput, input, "cancellation");
	const label = "transaction_id" in data ? `transaction ${data.transaction_id}` : `subscription ${data.transaction_internal_subscription_id}`;
	const answer = await moneyWrite(caller, lane, {
		cmd: "cancel_transaction",
		...data
	}, `cancel_transaction for ${label}`);
	return {
		transactionSubscriptionId: text$1(answer.get("transaction_subscription_id")),
		transactionInternalSubscriptionId: text$1(answer.get("transaction_internal_subscription_id"))
	};
}
var SubscriptionStatusChange = zod.z.enum([
	"cancel",
	"pause",
	"unpause"
]);
var STATUS_AFTER = {
	cancel: "cancelled",
	pause: "paused",
	unpause: "active"
};
/** modify_subscription_status; an uncertain send is settled by reading subscription_status back. */
async function modifySubscriptionStatus$1(caller, lane, subscriptionId, change) {
	const id = parseInput(KartraId, subscriptionId, "subscription id");
	const modification = parseInput(SubscriptionStatusChange, change, "status change");
	const action = {
		cmd: "modify_subscription_status",
		subscription_id: id,
		subscription_status_modification: modification
	};
	const what = `modify_subscription_status ${modification} for subscription ${id}`;
	const run = async () => ({ message: (await send$2(caller, lane, "write", action)).entry.message || "Subscription modified" });
	try {
		return await run();
	} catch (error) {
		if (!isUncertain(error)) throw error;
		if (await getSubscriptionDetails$1(caller, lane, id).then((d) => (d.subscription_status ?? "").trim().toLowerCase(), (readError) => {
			throw new UncertainWriteError(what, "reading the subscription back to check failed too", [], readError);
		}) === STATUS_AFTER[modification]) return { message: "Subscription modified (confirmed by reading the subscription)" };
		return resendOnce(run, what);
	}
}
var EditSubscriptionInput = zod.z.object({
	subscription_id: KartraId,
	subscription_product_id: KartraId.optional(),
	subscription_price_point: KartraId.optional(),
	subscription_next_payment_date: zod.z.string().trim().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/, "must look like 2021-01-18 05:46 (Eastern time)").optional(),
	subscription_amount: Amount.optional(),
	subscription_recurrence: zod.z.object({
		recurring_period_1: zod.z.enum(SUBSCRIPTION_PERIODS).optional(),
		recurring_period_2: zod.z.enum(["yearly", "every 2 years"]).optional()
	}).strict().optional(),
	subscription_product_quantity: zod.z.number().int().min(1).max(9999).optional(),
	subscription_installments_left: zod.z.union([zod.z.number().int().min(0), zod.z.literal("until cancelled")]).optional(),
	subscription_tax_percent: zod.z.number().min(0).max(100).optional()
}).strict().superRefine((value, ctx) => {
	const { subscription_id: _id, ...changes } = value;
	if (Object.values(changes).every((v) => v === void 0)) ctx.addIssue({
		code: "custom",
		message: "give at least one thing to change"
	});
	if (value.subscription_product_id === void 0 !== (value.subscription_price_point === void 0)) ctx.addIssue({
		code: "custom",
		path: ["subscription_price_point"],
		message: "changing the product needs both the product id and the price point"
	});
});
async function editSubscription$1(caller, lane, input) {
	const data = parseInput(EditSubscriptionInput, input, "subscription change");
	return { message: (await moneyWrite(caller, lane, {
		cmd: "edit_subscription",
		...data
	}, `edit_subscription for subscription ${data.subscription_id}`)).entry.message || "Subscription modified" };
}
// src/main/core/kartra/http.ts
/** Loopback: 127.0.0.0/8, ::1 (also as IPv4-mapped) and localhost. */
function isLoopbackHost(hostname) {
	const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
	if (host === "localhost" || host.endsWith(".localhost")) return true;
	if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
	if (/^127(\.\d{1,3}){3}$/.test(host)) return true;
	const mapped = /^::ffff:(.+)$/.exec(host)?.[1];
	if (mapped) return /^127(\.\d{1,3}){3}$/.test(mapped) || /^7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(mapped);
	return false;
}
/**
* Validate a Kartra API address before anything is sent: https everywhere, plain http only
* to this machine (the sandbox). Kartra would answer 201 over http — after the credentials
* had already crossed the network in clear text — so the request is refused here instead.
*/
function checkApiUrl(apiUrl) {
	let url;
	try {
		url = new URL(apiUrl);
	} catch {
		throw new require_validate_job.AppError("invalid_input", `The Kartra API address "${apiUrl.slice(0, 200)}" is not a valid URL.`, { details: { field: "apiUrl" } });
	}
	if (url.username || url.password) throw new require_validate_job.AppError("invalid_input", "The Kartra API address must not contain a user name or password.", { details: { field: "apiUrl" } });
	if (url.protocol === "https:") return url;
	if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return url;
	if (url.protocol === "http:") throw new require_validate_job.AppError("invalid_input", `Refusing to send Kartra credentials over plain http to ${url.hostname}: use https (https://app.kartra.com/api). Plain http is allowed only for the local sandbox (127.0.0.1, ::1, localhost).`, { details: { field: "apiUrl" } });
	throw new require_validate_job.AppError("invalid_input", `The Kartra API address must start with https:// (got ${url.protocol}).`, { details: { field: "apiUrl" } });
}
var KartraHttp = class {
	agent;
	constructor(options = {}) {
		this.agent = new undici.Agent({
			connect: { timeout: options.connectTimeoutMs ?? 1e4 },
			headersTimeout: options.headersTimeoutMs ?? 3e4,
			bodyTimeout: options.bodyTimeoutMs ?? 3e4,
			keepAliveTimeout: options.keepAliveTimeoutMs ?? 1e4,
			connections: options.connections ?? 24,
			maxResponseSize: options.maxResponseBytes ?? 33554432
		});
	}
	/** POST a form body; resolves with any HTTP status, rejects only with TransportError (or AppError for a refused URL). */
	async post(apiUrl, formBody) {
		const url = checkApiUrl(apiUrl);
		try {
			const response = await this.agent.request({
				origin: url.origin,
				path: `${url.pathname}${url.search}`,
				method: "POST",
				headers: {
					"content-type": "application/x-www-form-urlencoded",
					accept: "application/json",
					"user-agent": "LeadDesk"
				},
				body: formBody
			});
			const text = await response.body.text();
			return {
				status: response.statusCode,
				text
			};
		} catch (error) {
			throw toTransportError(error, url.host);
		}
	}
	/** Close idle connections and refuse new requests. */
	async close() {
		await this.agent.close();
	}
};
var NOT_SENT_CODES = {
	ECONNREFUSED: {
		kind: "refused",
		what: "the connection was refused"
	},
	ENOTFOUND: {
		kind: "dns",
		what: "the host name could not be resolved"
	},
	EAI_AGAIN: {
		kind: "dns",
		what: "the host name could not be resolved (DNS unavailable)"
	},
	UND_ERR_CONNECT_TIMEOUT: {
		kind: "timeout",
		what: "connecting timed out"
	},
	ETIMEDOUT: {
		kind: "timeout",
		what: "connecting timed out"
	},
	ENETUNREACH: {
		kind: "refused",
		what: "the network is unreachable"
	},
	EHOSTUNREACH: {
		kind: "refused",
		what: "the host is unreachable"
	},
	ENETDOWN: {
		kind: "refused",
		what: "the network is down"
	},
	EADDRNOTAVAIL: {
		kind: "refused",
		what: "no network address is available"
	}
};
var SENT_CODES = {
	UND_ERR_HEADERS_TIMEOUT: {
		kind: "timeout",
		what: "Kartra did not answer in time"
	},
	UND_ERR_BODY_TIMEOUT: {
		kind: "timeout",
		what: "Kartra's answer stalled"
	},
	UND_ERR_RES_EXCEEDED_MAX_SIZE: {
		kind: "bad_response",
		what: "Kartra's answer was too large"
	},
	UND_ERR_SOCKET: {
		kind: "reset",
		what: "the connection was closed"
	},
	ECONNRESET: {
		kind: "reset",
		what: "the connection was reset"
	},
	EPIPE: {
		kind: "reset",
		what: "the connection was closed"
	},
	UND_ERR_CLOSED: {
		kind: "reset",
		what: "the connection was closed"
	}
};
function errorCode(error) {
	if (typeof error !== "object" || error === null) return "";
	const code = error.code;
	if (typeof code === "string" && code !== "") return code;
	const inner = error.errors?.[0] ?? error.cause;
	return inner && inner !== error ? errorCode(inner) : "";
}
/** TLS failures happen during the handshake, before the request is written. */
function isTlsError(code) {
	return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/.test(code);
}
/** Map an undici/Node network failure to TransportError, deciding whether the request may have reached Kartra. */
function toTransportError(error, host) {
	if (error instanceof TransportError || error instanceof require_validate_job.AppError) return error;
	const code = errorCode(error);
	const notSent = NOT_SENT_CODES[code];
	if (notSent) return new TransportError(`Could not reach ${host}: ${notSent.what} (${code})`, false, notSent.kind);
	if (isTlsError(code)) return new TransportError(`Could not open a secure connection to ${host} (${code})`, false, "refused");
	const sent = SENT_CODES[code];
	if (sent) {
		const written = error.socket?.bytesWritten;
		const wasSent = !(code === "UND_ERR_SOCKET" && written === 0);
		const tail = wasSent ? "the request may have been processed" : "nothing was sent";
		return new TransportError(`${sent.what} (${host}, ${code}); ${tail}`, wasSent, sent.kind);
	}
	return new TransportError(`Request to ${host} failed: ${error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200)}`, true, "reset");
}
// src/main/core/kartra/decode-chain.ts
var NOT_RUN_MESSAGE = "Not run: Kartra stopped the chain after an earlier action failed";
var DONE_MESSAGE = "Done";
function chainResults(decoded, cmds) {
	if (decoded.status === "none" && decoded.entries.length === 0) throw badResponse("Kartra's answer to a chained call carried no status");
	const matched = matchEntries(decoded.entries, cmds);
	const explained = matched.some((entry) => entry?.status === "error");
	if (decoded.status === "error" && !explained) {
		const target = blameIndex(matched, cmds, decoded.type);
		if (target !== null) matched[target] = {
			cmd: cmds[target] ?? "",
			status: "error",
			message: decoded.message,
			type: decoded.type,
			data: decoded.data
		};
	}
	const results = [];
	let failed = false;
	let topMessageUsed = false;
	cmds.forEach((cmd, index) => {
		const entry = matched[index];
		if (entry) {
			const ok = entry.status !== "error";
			failed ||= !ok;
			results.push(toResult(cmd, ok, entry.message || (ok ? DONE_MESSAGE : "Kartra reported an error without a message"), entry.type));
			return;
		}
		if (failed) {
			results.push({
				cmd,
				ok: false,
				notRun: true,
				message: NOT_RUN_MESSAGE
			});
			return;
		}
		if (!topMessageUsed && decoded.status === "success" && decoded.message) {
			topMessageUsed = true;
			results.push(toResult(cmd, true, decoded.message, decoded.type));
			return;
		}
		results.push({
			cmd,
			ok: true,
			message: DONE_MESSAGE
		});
	});
	return results;
}
function toResult(cmd, ok, message, type) {
	return type ? {
		cmd,
		ok,
		message,
		kartraType: type
	} : {
		cmd,
		ok,
		message
	};
}
/** Pair entries with cmds in order, by cmd name (an entry may be missing for the anchor). */
function matchEntries(entries, cmds) {
	const matched = cmds.map(() => void 0);
	let cursor = 0;
	cmds.forEach((cmd, index) => {
		for (let j = cursor; j < entries.length; j++) if (entries[j]?.cmd === cmd) {
			matched[index] = entries[j];
			cursor = j + 1;
			return;
		}
	});
	return matched;
}
function blameIndex(matched, cmds, type) {
	const open = cmds.map((_, i) => i).filter((i) => matched[i] === void 0);
	if (open.length === 0) return null;
	const owners = cmdsForKartraCode(type);
	return open.find((i) => owners.includes(cmds[i] ?? "")) ?? open[0] ?? null;
}
// src/main/core/kartra/chain.ts
async function sendChain(caller, lane, lead, head, actions, knownId) {
	const wire = [...head ? [{ cmd: head }] : [], ...actions.map(actionParams)];
	const cmds = wire.map((w) => String(w.cmd));
	const decoded = await caller.call({
		lead,
		actions: wire
	}, {
		lane,
		mode: "write"
	});
	const results = chainResults(decoded, cmds);
	const first = results[0];
	if (first && !first.ok) throw new KartraApiError(first.kartraType ?? "", first.message, first.cmd);
	return {
		leadId: leadIdFrom(decoded) ?? knownId,
		results: head ? results.slice(1) : results
	};
}
function sendCreate(caller, lane, data, actions) {
	return sendChain(caller, lane, leadBlock({ email: data.email }, data), "create_lead", actions, null);
}
function sendEdit(caller, lane, ref, changes, actions) {
	return sendChain(caller, lane, leadBlock(ref, changes), "edit_lead", actions, ref.id ?? null);
}
/** Lead actions on an existing lead; `anchor` forces search_lead first even for one action. */
function sendActions(caller, lane, ref, actions, anchor = actions.length > 1 || ref.id === void 0) {
	return sendChain(caller, lane, leadBlock(ref, void 0), anchor ? "search_lead" : null, actions, ref.id ?? null);
}
// src/main/core/kartra/verify.ts
var same = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();
/**
* Kartra test mode stores every new address as local-part@kartra.com (kartra-api.md §7), so a
* stored address with the same local part on kartra.com counts as the one that was sent.
*/
function emailsMatch(sent, stored) {
	if (same(sent, stored)) return true;
	const local = sent.trim().toLowerCase().split("@")[0] ?? "";
	return local !== "" && same(stored, `${local}@kartra.com`);
}
/**
* State-based verdict for one chained action. `state` null means the lead does not exist, so
* nothing can have been applied to it. Points are never decidable: the score moves for other
* reasons too and an earlier value is unknown. Calendars only when get_lead lists bookings.
*/
function actionVerdict(state, action) {
	if (state === null) return "not_applied";
	const { lead } = state;
	const holds = (condition) => condition ? "applied" : "not_applied";
	switch (action.cmd) {
		case "assign_tag": return holds(lead.tags.some((t) => same(t, action.tag_name)));
		case "unassign_tag": return holds(!lead.tags.some((t) => same(t, action.tag_name)));
		case "subscribe_lead_to_list": return holds(lead.lists.some((l) => l.active && same(l.list_name, action.list_name)));
		case "unsubscribe_lead_from_list": return holds(!lead.lists.some((l) => l.active && same(l.list_name, action.list_name)));
		case "subscribe_lead_to_sequence_at_step": return holds(lead.sequences.some((s) => isActive(s.status) && same(s.sequence_name, action.sequence_name) && same(s.step, action.step)));
		case "unsubscribe_lead_from_sequence": return holds(!lead.sequences.some((s) => isActive(s.status) && same(s.sequence_name, action.sequence_name)));
		case "give_points_to_lead":
		case "remove_points_from_lead": return "unknown";
		case "calendar_subscribe":
		case "calendar_cancel": {
			const bookings = leadCalendars(state.raw);
			if (bookings === null) return "unknown";
			const booked = bookings.some((b) => b.active && same(b.calendar_name, action.calendar_name) && same(b.class_name, action.class_name));
			return holds(action.cmd === "calendar_subscribe" ? booked : !booked);
		}
	}
}
function isActive(status) {
	return status === "" || same(status, "active") || same(status, "subscribed");
}
/**
* Whether the profile fields of an edit hold on the lead. Custom fields the lead does not list
* are skipped: Kartra silently ignores unknown identifiers (kartra-api.md §8.3).
*/
function fieldsVerdict(lead, changes) {
	for (const field of LEAD_TEXT_FIELDS) {
		const wanted = changes[field];
		if (wanted !== void 0 && wanted.trim() !== lead[field].trim()) return "not_applied";
	}
	for (const change of changes.custom_fields ?? []) {
		const current = lead.custom_fields.find((f) => same(f.field_identifier, change.field_identifier));
		if (!current) continue;
		if (!customValueMatches(current.value, change.field_value)) return "not_applied";
	}
	return "applied";
}
function customValueMatches(current, wanted) {
	const currentIds = typeof current === "string" ? current === "" ? [] : [current] : current.map((o) => o.option_id);
	if (typeof current === "string" && typeof wanted === "string") return current.trim() === wanted.trim();
	const wantedIds = (typeof wanted === "string" ? wanted === "" ? [] : [wanted] : wanted).map((id) => id.trim());
	return currentIds.length === wantedIds.length && wantedIds.every((id) => currentIds.includes(id));
}
// src/main/core/kartra/lead-writes.ts
var CONFIRMED_MESSAGE = "Applied (confirmed by reading the lead after Kartra's answer was lost)";
var Actions = zod.z.array(require_validate_job.LeadAction).max(50, "at most 50 actions fit in one call");
async function createLead$1(caller, lane, input, actionsIn = []) {
	const data = parseInput(CreateLeadInput, input, "lead");
	const actions = parseInput(Actions, actionsIn, "actions");
	return withLeadId(caller, lane, { email: data.email }, await createChain(caller, lane, data, actions));
}
async function createChain(caller, lane, data, actions) {
	try {
		return await sendCreate(caller, lane, data, actions);
	} catch (error) {
		if (!isUncertain(error)) throw error;
		const what = `create_lead for ${data.email}`;
		const state = await verifyRead(caller, { email: data.email }, lane, what, error);
		if (state === null) return resendOnce(() => sendCreate(caller, lane, data, actions), what, []);
		return settle({
			caller,
			lane,
			state,
			actions,
			what,
			cause: error,
			primary: {
				part: "create_lead",
				verdict: "applied",
				resend: null
			}
		});
	}
}
async function editLead$1(caller, lane, refIn, changesIn, actionsIn = []) {
	const ref = parseInput(LeadRef, refIn, "lead reference");
	const changes = parseInput(EditLeadChanges, changesIn, "lead changes");
	const actions = parseInput(Actions, actionsIn, "actions");
	return withLeadId(caller, lane, ref.id !== void 0 ? { id: ref.id } : { email: changes.new_email ?? ref.email }, await editChain(caller, lane, ref, changes, actions));
}
async function editChain(caller, lane, ref, changes, actions) {
	try {
		return await sendEdit(caller, lane, ref, changes, actions);
	} catch (error) {
		if (!isUncertain(error)) throw error;
		const what = `edit_lead for ${ref.id ?? ref.email}`;
		let state = await verifyRead(caller, ref, lane, what, error);
		let newEmail = null;
		if (changes.new_email !== void 0) {
			if (state) newEmail = emailsMatch(changes.new_email, state.lead.email) ? "applied" : "not_applied";
			else {
				state = await verifyRead(caller, { email: changes.new_email }, lane, what, error);
				if (state) newEmail = "applied";
			}
		}
		if (state === null) return resendOnce(() => sendEdit(caller, lane, ref, changes, actions), what, []);
		const { new_email: _sent, ...fields } = changes;
		const verdict = newEmail === "not_applied" || fieldsVerdict(state.lead, fields) === "not_applied" ? "not_applied" : "applied";
		const target = state.lead.id ? { id: state.lead.id } : newEmail === "applied" ? { email: changes.new_email } : ref;
		const resendChanges = newEmail === "applied" ? fields : changes;
		return settle({
			caller,
			lane,
			state,
			actions,
			what,
			cause: error,
			primary: {
				part: "edit_lead",
				verdict,
				resend: (pending) => sendEdit(caller, lane, target, resendChanges, pending)
			}
		});
	}
}
async function runActions(caller, lane, refIn, actionsIn) {
	const ref = parseInput(LeadRef, refIn, "lead reference");
	return withLeadId(caller, lane, ref, await actionsChain(caller, lane, ref, parseInput(Actions.min(1, "give at least one action"), actionsIn, "actions")));
}
async function actionsChain(caller, lane, ref, actions) {
	try {
		return await sendActions(caller, lane, ref, actions);
	} catch (error) {
		if (!isUncertain(error)) throw error;
		const what = `${actions.map(describeAction$1).join(", ")} on lead ${ref.id ?? ref.email}`;
		const state = await verifyRead(caller, ref, lane, what, error);
		if (state === null) return resendOnce(() => sendActions(caller, lane, ref, actions), what, []);
		return settle({
			caller,
			lane,
			state,
			actions,
			what,
			cause: error,
			primary: null
		});
	}
}
async function settle(s) {
	const verdicts = s.actions.map((action) => actionVerdict(s.state, action));
	const parts = [...s.primary ? [{
		part: s.primary.part,
		verdict: s.primary.verdict
	}] : [], ...s.actions.map((action, i) => ({
		part: describeAction$1(action),
		verdict: verdicts[i] ?? "unknown"
	}))];
	const unsure = s.actions.filter((_, i) => verdicts[i] === "unknown");
	if (unsure.length > 0) throw new UncertainWriteError(s.what, unknowableReason(unsure), parts, s.cause);
	const pending = s.actions.map((_, i) => i).filter((i) => verdicts[i] === "not_applied");
	const resendPrimary = s.primary?.verdict === "not_applied" ? s.primary.resend : null;
	const leadId = s.state.lead.id || null;
	if (!resendPrimary && pending.length === 0) return {
		leadId,
		results: s.actions.map((a) => ({
			cmd: a.cmd,
			ok: true,
			message: CONFIRMED_MESSAGE
		}))
	};
	const pendingActions = pending.map((i) => s.actions[i]);
	const ref = leadId ? { id: leadId } : { email: s.state.lead.email };
	const outcome = await resendOnce(() => resendPrimary ? resendPrimary(pendingActions) : sendActions(s.caller, s.lane, ref, pendingActions, true), s.what, parts);
	const results = s.actions.map((action, i) => {
		const at = pending.indexOf(i);
		return at === -1 ? {
			cmd: action.cmd,
			ok: true,
			message: CONFIRMED_MESSAGE
		} : outcome.results[at] ?? {
			cmd: action.cmd,
			ok: true,
			message: "Done"
		};
	});
	return {
		leadId: outcome.leadId ?? leadId,
		results
	};
}
function unknowableReason(unsure) {
	return [...new Set(unsure.map((a) => a.cmd === "give_points_to_lead" || a.cmd === "remove_points_from_lead" ? "a lead's points cannot be checked afterwards (the score alone does not show whether these points were added)" : "Kartra does not show calendar bookings on the lead, so the booking cannot be checked"))].join("; ");
}
async function verifyRead(caller, ref, lane, what, cause) {
	try {
		return await readLeadState(caller, ref, lane);
	} catch (error) {
		throw new UncertainWriteError(what, "reading the lead back to check failed too", [], new AggregateError([cause, error], "write and verification both failed"));
	}
}
/** Kartra's answer normally names the lead; when it does not, one search_lead read finds it. */
async function withLeadId(caller, lane, lookup, outcome) {
	if (outcome.leadId) return {
		leadId: outcome.leadId,
		results: outcome.results
	};
	const found = await searchLead$1(caller, lookup, lane);
	if (!found) throw new require_validate_job.AppError("kartra_error", `Kartra accepted the change but the lead ${lookup.id ?? lookup.email} cannot be found afterwards.`);
	return {
		leadId: found.id,
		results: outcome.results
	};
}
// src/main/core/kartra/php-encode.ts
var SAFE_BYTE = /* @__PURE__ */ new Uint8Array(256);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") SAFE_BYTE[ch.charCodeAt(0)] = 1;
var HEX = "0123456789ABCDEF";
var utf8 = new TextEncoder();
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** PHP urlencode(): what http_build_query applies to every key segment and value. */
function phpUrlencode(text) {
	if (LONE_SURROGATE.test(text)) throw new TypeError("Text contains a broken Unicode character (a lone surrogate) and cannot be sent to Kartra");
	let out = "";
	for (const byte of utf8.encode(text)) if (SAFE_BYTE[byte]) out += String.fromCharCode(byte);
	else if (byte === 32) out += "+";
	else out += "%" + HEX[byte >> 4] + HEX[byte & 15];
	return out;
}
/**
* Encode `data` as PHP's http_build_query($data) would. Key order is the object's own order
* (note: plain JS objects list integer-like keys first — use a Map or an array for any order).
*/
function phpBuildQuery(data) {
	const pairs = [];
	for (const [key, value] of entriesOf(data)) appendValue(pairs, phpUrlencode(String(key)), value, String(key));
	return pairs.join("&");
}
function appendValue(pairs, encodedKey, value, path) {
	if (value === null || value === void 0) return;
	if (isComposite(value)) {
		for (const [childKey, child] of entriesOf(value)) appendValue(pairs, `${encodedKey}%5B${phpUrlencode(String(childKey))}%5D`, child, `${path}[${String(childKey)}]`);
		return;
	}
	pairs.push(`${encodedKey}=${phpUrlencode(scalarToString(value, path))}`);
}
function scalarToString(value, path) {
	switch (typeof value) {
		case "string": return value;
		case "boolean": return value ? "1" : "0";
		case "bigint": return value.toString();
		case "number":
			if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number and cannot be sent to Kartra`);
			return String(value);
		default: throw new TypeError(`${path} has an unsupported type (${typeof value}) for a Kartra request`);
	}
}
function isComposite(value) {
	return typeof value === "object" && value !== null;
}
function entriesOf(value) {
	if (Array.isArray(value)) return value.map((item, index) => [index, item]);
	if (value instanceof Map) return value.entries();
	return Object.entries(value);
}
// src/main/core/kartra/client.ts
var KartraClient = class {
	#credentials;
	#http;
	#scheduler;
	#retry;
	#log;
	constructor(options) {
		checkApiUrl(options.credentials.apiUrl);
		this.#credentials = { ...options.credentials };
		this.#scheduler = options.scheduler;
		this.#http = new KartraHttp(options.http);
		this.#retry = {
			attempts: 3,
			baseDelayMs: 300,
			maxDelayMs: 3e3,
			...options.retry
		};
		this.#log = options.log ?? silentLogger;
	}
	get apiUrl() {
		return this.#credentials.apiUrl;
	}
	/**
	* One Kartra call: credentials first in the body, PHP-encoded, started by the scheduler
	* (which itself retries 429s). Failures where nothing was sent are retried for every command;
	* `mode: 'read'` also retries failures after sending (a read cannot do harm twice).
	*/
	async request(lane, body, mode = "write") {
		const { appId, apiKey, apiPassword, apiUrl } = this.#credentials;
		const form = phpBuildQuery({
			app_id: appId,
			api_key: apiKey,
			api_password: apiPassword,
			...withoutCredentials(body)
		});
		for (let attempt = 1;; attempt++) try {
			const decoded = await this.#scheduler.schedule(lane, async () => {
				const reply = await this.#http.post(apiUrl, form);
				return decodeHttpResponse(reply.status, reply.text);
			});
			return this.#scrubDecoded(decoded);
		} catch (error) {
			const clean = this.#scrubError(error);
			if (!(clean instanceof TransportError) || attempt >= this.#retry.attempts || !retryable(clean, mode)) throw clean;
			const delay = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
			this.#log.warn("kartra request failed, retrying", {
				lane,
				mode,
				attempt,
				kind: clean.kind,
				sent: clean.sent,
				delayMs: delay
			});
			await new Promise((resolve) => setTimeout(resolve, delay));
		}
	}
	call(body, options) {
		return this.request(options.lane, body, options.mode);
	}
	/** Close pooled connections. */
	close() {
		return this.#http.close();
	}
	getLead(ref, options) {
		return getLead(this, ref, laneOf(options));
	}
	searchLead(ref, options) {
		return searchLead$1(this, ref, laneOf(options));
	}
	createLead(lead, actions = [], options) {
		return createLead$1(this, laneOf(options), lead, actions);
	}
	editLead(ref, changes, actions = [], options) {
		return editLead$1(this, laneOf(options), ref, changes, actions);
	}
	runActions(ref, actions, options) {
		return runActions(this, laneOf(options), ref, actions);
	}
	subscribeToList(ref, listName, options) {
		return this.#one(ref, {
			cmd: "subscribe_lead_to_list",
			list_name: listName
		}, options);
	}
	unsubscribeFromList(ref, listName, options) {
		return this.#one(ref, {
			cmd: "unsubscribe_lead_from_list",
			list_name: listName
		}, options);
	}
	assignTag(ref, tagName, options) {
		return this.#one(ref, {
			cmd: "assign_tag",
			tag_name: tagName
		}, options);
	}
	unassignTag(ref, tagName, options) {
		return this.#one(ref, {
			cmd: "unassign_tag",
			tag_name: tagName
		}, options);
	}
	givePoints(ref, points, expirationDays, options) {
		return this.#one(ref, {
			cmd: "give_points_to_lead",
			points,
			...expirationDays !== void 0 ? { expiration: expirationDays } : {}
		}, options);
	}
	removePoints(ref, points, options) {
		return this.#one(ref, {
			cmd: "remove_points_from_lead",
			points
		}, options);
	}
	subscribeToSequence(ref, sequenceName, step, options) {
		return this.#one(ref, {
			cmd: "subscribe_lead_to_sequence_at_step",
			sequence_name: sequenceName,
			step
		}, options);
	}
	unsubscribeFromSequence(ref, sequenceName, options) {
		return this.#one(ref, {
			cmd: "unsubscribe_lead_from_sequence",
			sequence_name: sequenceName
		}, options);
	}
	calendarSubscribe(ref, booking, options) {
		return this.#one(ref, {
			cmd: "calendar_subscribe",
			...booking
		}, options);
	}
	calendarCancel(ref, booking, options) {
		return this.#one(ref, {
			cmd: "calendar_cancel",
			calendar_name: booking.calendar_name,
			class_name: booking.class_name
		}, options);
	}
	retrieveAccountTags(options) {
		return retrieveAccountTags(this, laneOf(options));
	}
	retrieveAccountLists(options) {
		return retrieveAccountLists(this, laneOf(options));
	}
	retrieveAccountSequences(options) {
		return retrieveAccountSequences(this, laneOf(options));
	}
	retrieveAccountPages(options) {
		return retrieveAccountPages(this, laneOf(options));
	}
	retrieveCustomFields(options) {
		return retrieveCustomFields(this, laneOf(options));
	}
	createCustomField(input, options) {
		return createCustomField$1(this, laneOf(options), input);
	}
	searchTransaction(transactionId, options) {
		return searchTransaction$1(this, laneOf(options), transactionId);
	}
	getTransactionDetails(transactionId, options) {
		return getTransactionDetails$1(this, laneOf(options), transactionId);
	}
	refundTransaction(transactionId, refundAmount, options) {
		return refundTransaction$1(this, laneOf(options), {
			transaction_id: transactionId,
			...refundAmount !== void 0 ? { refund_amount: refundAmount } : {}
		});
	}
	retrieveTransactionsFromLead(ref, options) {
		return retrieveTransactionsFromLead$1(this, laneOf(options), ref);
	}
	retrieveSubscriptionsFromLead(ref, options) {
		return retrieveSubscriptionsFromLead$1(this, laneOf(options), ref);
	}
	getSubscriptionDetails(subscriptionId, options) {
		return getSubscriptionDetails$1(this, laneOf(options), subscriptionId);
	}
	searchSubscription(subscriptionId, options) {
		return searchSubscription$1(this, laneOf(options), subscriptionId);
	}
	modifySubscriptionStatus(subscriptionId, change, options) {
		return modifySubscriptionStatus$1(this, laneOf(options), subscriptionId, change);
	}
	editSubscription(input, options) {
		return editSubscription$1(this, laneOf(options), input);
	}
	cancelTransaction(target, options) {
		return cancelTransaction$1(this, laneOf(options), target);
	}
	/** A single lead action: resolves with its (successful) result, throws KartraApiError when Kartra refused it. */
	async #one(ref, action, options) {
		const { results } = await runActions(this, laneOf(options), ref, [action]);
		const result = results[0];
		if (!result) throw new TransportError("Kartra's answer did not mention the action", true, "bad_response");
		if (!result.ok) throw new KartraApiError(result.kartraType ?? "", result.message, result.cmd);
		return result;
	}
	/** Kartra never echoes credentials as far as documented; this makes sure no message ever carries one. */
	#scrub(text) {
		let out = text;
		for (const secret of [this.#credentials.apiKey, this.#credentials.apiPassword]) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
		return out;
	}
	#scrubDecoded(decoded) {
		return {
			...decoded,
			message: this.#scrub(decoded.message),
			entries: decoded.entries.map((entry) => ({
				...entry,
				message: this.#scrub(entry.message)
			}))
		};
	}
	#scrubError(error) {
		if (error instanceof TransportError) {
			const message = this.#scrub(error.message);
			return message === error.message ? error : new TransportError(message, error.sent, error.kind, error.status);
		}
		if (error instanceof KartraApiError) {
			const message = this.#scrub(error.kartraMessage);
			return message === error.kartraMessage ? error : new KartraApiError(error.type, message, error.cmd);
		}
		return error;
	}
};
/** Credentials lead the body, as in every Kartra example; the caller's own keys cannot replace them. */
function withoutCredentials(body) {
	const { app_id: _a, api_key: _k, api_password: _p, ...rest } = body;
	return rest;
}
function retryable(error, mode) {
	if (error.kind === "http" && (error.status ?? 0) < 500) return false;
	return !error.sent || mode === "read";
}
// src/main/core/connection/connection-service.ts
var CURRENT_ACCOUNT = "current_account_id";
var ConnectionService = class {
	deps;
	session;
	constructor(deps) {
		this.deps = deps;
	}
	/** Reconnects to the account that was current when the app last ran. */
	async restore() {
		const account = this.currentRow();
		if (!account) return;
		try {
			await this.open(account);
		} catch (error) {
			this.deps.log.warn("could not restore the last account", {
				accountId: account.id,
				error
			});
		}
	}
	current() {
		return this.session;
	}
	/** The account marked current, even when it could not be opened (its credentials are missing). */
	currentRow() {
		const id = this.deps.settings.get(CURRENT_ACCOUNT);
		return id ? this.deps.accounts.get(id) : void 0;
	}
	require() {
		if (!this.session) throw new require_validate_job.AppError("not_connected", "No Kartra account is connected. Connect one or try the sandbox.");
		return this.session;
	}
	info() {
		const s = this.session;
		return s ? toInfo(s.account, s.storage, s.apiUrl) : null;
	}
	/** Starts the built-in sandbox and makes its demo account the current one. */
	async connectSandbox() {
		const demo = (await this.deps.sandbox.ensure()).accounts[0];
		if (!demo) throw new require_validate_job.AppError("internal", "The sandbox started without a demo account.");
		const account = this.deps.accounts.findSandbox() ?? this.deps.accounts.insert({
			label: `Sandbox · ${demo.label}`,
			kind: "sandbox",
			appId: demo.appId,
			apiUrl: "sandbox:builtin",
			testMode: false
		});
		await this.open(account);
		return this.info();
	}
	/** Makes the account current and builds its client; throws not_connected when its secret is missing. */
	async open(account) {
		const { credentials, storage } = await this.credentialsFor(account);
		const client = new KartraClient({
			credentials,
			scheduler: this.deps.limiters.get(account.appId),
			log: this.deps.log
		});
		const previous = this.session;
		this.session = {
			account,
			apiUrl: credentials.apiUrl,
			storage,
			client
		};
		this.deps.settings.set(CURRENT_ACCOUNT, account.id);
		await previous?.client.close();
		this.deps.onChange();
		return this.info();
	}
	/** Refreshes the session's copy of the account row after a rename or a test-mode change. */
	reloadAccount(id) {
		const row = this.deps.accounts.get(id);
		if (this.session && row && this.session.account.id === id) {
			this.session = {
				...this.session,
				account: row
			};
			this.deps.onChange();
		}
	}
	/** Drops the session if it belongs to this account (it is being forgotten). */
	async disconnect(id) {
		if (this.deps.settings.get(CURRENT_ACCOUNT) === id) this.deps.settings.delete(CURRENT_ACCOUNT);
		if (this.session?.account.id !== id) return;
		const previous = this.session;
		this.session = void 0;
		await previous.client.close();
		this.deps.onChange();
	}
	async close() {
		const previous = this.session;
		this.session = void 0;
		await previous?.client.close();
	}
	/** The sandbox's URL changes every start; real accounts keep theirs. */
	apiUrlOf(account) {
		return account.kind === "sandbox" ? this.deps.sandbox.current()?.url ?? account.apiUrl : account.apiUrl;
	}
	async credentialsFor(account) {
		if (account.kind === "sandbox") {
			const running = await this.deps.sandbox.ensure();
			const demo = running.accounts[0];
			return {
				credentials: {
					apiUrl: running.url,
					appId: demo.appId,
					apiKey: demo.apiKey,
					apiPassword: demo.apiPassword
				},
				storage: "builtin"
			};
		}
		const secret = await this.deps.vault.get(account.id);
		if (!secret) throw new require_validate_job.AppError("not_connected", `Enter the API key and password of "${account.label}" again to reconnect it.`, { details: { field: "apiKey" } });
		const storage = await this.deps.vault.storageOf(account.id);
		return {
			credentials: {
				apiUrl: account.apiUrl,
				appId: account.appId,
				...secret
			},
			storage
		};
	}
};
function toInfo(account, credentials, apiUrl = account.apiUrl) {
	return {
		id: account.id,
		label: account.label,
		kind: account.kind,
		appId: account.appId,
		apiUrl,
		testMode: account.testMode,
		credentials
	};
}
// src/main/core/account/accounts-service.ts
var AccountsService = class {
	deps;
	constructor(deps) {
		this.deps = deps;
	}
	async list() {
		const rows = this.deps.accounts.list();
		return {
			accounts: await Promise.all(rows.map((row) => this.infoOf(row))),
			currentId: this.deps.connection.currentRow()?.id ?? null,
			keychain: this.deps.vault.status()
		};
	}
	/**
	* Validates the credentials with one cheap call (retrieve_account_tags, whose answer also fills the
	* tag cache), then stores them and makes the account current. Nothing is stored when Kartra refuses.
	*/
	async connect(request) {
		const existing = request.accountId ? this.requireRow(request.accountId) : void 0;
		if (existing?.kind === "sandbox") throw new require_validate_job.AppError("invalid_input", "The sandbox account needs no credentials.", { details: { field: "accountId" } });
		this.deps.vault.assertCanStore(request.sessionOnly);
		if (!existing) await this.refuseDuplicate(request);
		const tags = await this.validate(request);
		const row = existing ?? this.deps.accounts.insert({
			label: request.label,
			kind: "kartra",
			appId: request.appId,
			apiUrl: request.apiUrl,
			testMode: false
		});
		if (existing) this.deps.accounts.update(existing.id, {
			label: request.label,
			appId: request.appId,
			apiUrl: request.apiUrl
		});
		try {
			await this.deps.vault.put(row.id, {
				apiKey: request.apiKey,
				apiPassword: request.apiPassword
			}, request.sessionOnly);
		} catch (error) {
			if (!existing) this.deps.accounts.delete(row.id);
			throw error;
		}
		this.deps.cache.put(row.id, "tags", tags);
		return this.deps.connection.open(this.requireRow(row.id));
	}
	async switchTo(id) {
		return this.deps.connection.open(this.requireRow(id));
	}
	async rename(id, label) {
		this.requireRow(id);
		this.deps.accounts.update(id, { label });
		this.deps.connection.reloadAccount(id);
		return this.infoOf(this.requireRow(id));
	}
	/** Removes the secret everywhere; with deleteLocalData also the account row and (by cascade) its local data. */
	async forget(id, deleteLocalData) {
		const row = this.requireRow(id);
		await this.deps.connection.disconnect(id);
		await this.deps.vault.delete(id);
		if (deleteLocalData || row.kind === "sandbox") this.deps.accounts.delete(id);
		return this.list();
	}
	async validate(request) {
		const client = new KartraClient({
			credentials: {
				apiUrl: request.apiUrl,
				appId: request.appId,
				apiKey: request.apiKey,
				apiPassword: request.apiPassword
			},
			scheduler: this.deps.limiters.get(request.appId),
			log: this.deps.log
		});
		try {
			return await client.retrieveAccountTags({ lane: "interactive" });
		} finally {
			await client.close();
		}
	}
	/** The same Kartra account (URL, App ID and API key) connected twice would split its cache and outbox. */
	async refuseDuplicate(request) {
		for (const row of this.deps.accounts.list()) {
			if (row.kind !== "kartra" || row.apiUrl !== request.apiUrl || row.appId !== request.appId) continue;
			if ((await this.deps.vault.get(row.id).catch(() => void 0))?.apiKey === request.apiKey) throw new require_validate_job.AppError("already_exists", `This Kartra account is already connected as "${row.label}". Switch to it instead.`, { details: { field: "apiKey" } });
		}
	}
	requireRow(id) {
		const row = this.deps.accounts.get(id);
		if (!row) throw new require_validate_job.AppError("not_found", "That account is no longer known to Lead Desk.", { details: { field: "id" } });
		return row;
	}
	async infoOf(row) {
		return toInfo(row, row.kind === "sandbox" ? "builtin" : await this.deps.vault.storageOf(row.id).catch(() => "missing"), this.deps.connection.apiUrlOf(row));
	}
};
// src/shared/domain/account.ts
var AccountKind = zod.z.enum(["kartra", "sandbox"]);
/** Kartra's one API endpoint (kartra-api.md §1). */
var KARTRA_API_URL = "https://app.kartra.com/api";
/**
* Where an account's API key and password are kept: the OS keychain, this session's memory only
* (no Secret Service), the built-in sandbox's own demo credentials, or nowhere (must be entered again).
*/
var CredentialStorage = zod.z.enum([
	"keychain",
	"session",
	"builtin",
	"missing"
]);
/** What the renderer may know of an account: never a secret. */
var AccountInfo = zod.z.object({
	id: zod.z.string(),
	label: zod.z.string(),
	kind: AccountKind,
	appId: zod.z.string(),
	apiUrl: zod.z.string(),
	testMode: zod.z.boolean(),
	credentials: CredentialStorage
});
var KeychainStatus = zod.z.object({
	available: zod.z.boolean(),
	problem: zod.z.string().nullable()
});
var AccountLabel = zod.z.string().trim().min(1, "give the account a name").max(80, "keep the name under 80 characters");
var AccountCustomField = zod.z.object({
	field_id: zod.z.string(),
	field_identifier: zod.z.string(),
	field_type: CustomFieldType,
	options: zod.z.array(CustomFieldOption)
});
var AccountSequence = zod.z.object({
	name: zod.z.string(),
	id: zod.z.string(),
	steps: zod.z.array(zod.z.string()).nullable()
});
var AccountPage = zod.z.object({
	id: zod.z.string(),
	name: zod.z.string(),
	url: zod.z.string()
});
var AccountListKind = zod.z.enum([
	"tags",
	"lists",
	"sequences",
	"pages",
	"custom_fields"
]);
var AppErrorData = zod.z.object({
	code: zod.z.enum([
		"invalid_input",
		"not_connected",
		"auth_failed",
		"rate_limited",
		"offline",
		"not_found",
		"already_exists",
		"kartra_error",
		"conflict",
		"keychain_unavailable",
		"internal"
	]),
	message: zod.z.string(),
	retryable: zod.z.boolean(),
	details: zod.z.object({
		/** Kartra's numeric `type`, as a string, when the error came from Kartra. */
		kartraType: zod.z.string().optional(),
		kartraMessage: zod.z.string().optional(),
		/** Dotted path of the offending input field for invalid_input. */
		field: zod.z.string().optional()
	}).optional()
});
zod.z.union([zod.z.object({
	ok: zod.z.literal(true),
	value: zod.z.unknown()
}), zod.z.object({
	ok: zod.z.literal(false),
	error: AppErrorData
})]);
function okEnvelope(value) {
	return {
		ok: true,
		value
	};
}
function errorEnvelope(error) {
	return {
		ok: false,
		error
	};
}
var OutboxStatus = zod.z.enum([
	"pending",
	"in_flight",
	"done",
	"failed",
	"conflict"
]);
/** What one queued change does: create a lead, edit its fields (incl. new_email), or one action. */
var OutboxChange = zod.z.discriminatedUnion("kind", [
	zod.z.object({
		kind: zod.z.literal("create"),
		lead: CreateLeadInput
	}),
	zod.z.object({
		kind: zod.z.literal("edit"),
		changes: EditLeadChanges
	}),
	zod.z.object({
		kind: zod.z.literal("action"),
		action: require_validate_job.LeadAction
	})
]);
/** A field whose value on Kartra changed since the user saw it, while their edit waited. */
var ConflictField = zod.z.object({
	field: zod.z.string(),
	/** The value the user saw before editing. */
	seen: zod.z.string(),
	/** The value the user wants. */
	mine: zod.z.string(),
	/** Kartra's value now. */
	theirs: zod.z.string()
});
var OutboxItemView = zod.z.object({
	id: zod.z.number(),
	accountId: zod.z.string(),
	/** Kartra's lead id once known (a queued create has none until it is confirmed). */
	leadId: zod.z.string().nullable(),
	leadEmail: zod.z.string(),
	change: OutboxChange,
	/** One line for people: "Assign tag VIP", "Edit first name, city". */
	summary: zod.z.string(),
	status: OutboxStatus,
	attempts: zod.z.number(),
	error: AppErrorData.nullable(),
	conflict: zod.z.array(ConflictField).nullable(),
	madeOffline: zod.z.boolean(),
	createdAt: zod.z.number(),
	updatedAt: zod.z.number()
});
var OutboxCounts = zod.z.object({
	pending: zod.z.number(),
	inFlight: zod.z.number(),
	failed: zod.z.number(),
	conflict: zod.z.number()
});
var OutboxState = zod.z.object({
	accountId: zod.z.string().nullable(),
	online: zod.z.boolean(),
	counts: OutboxCounts,
	/** When the dispatcher will next probe Kartra while offline (ms since epoch). */
	nextProbeAt: zod.z.number().nullable()
});
// src/shared/domain/lead-views.ts
/** One row of the leads table: what local search knows of a lead the app has seen. */
var LeadRow = zod.z.object({
	id: zod.z.string(),
	email: zod.z.string(),
	name: zod.z.string(),
	company: zod.z.string(),
	country: zod.z.string(),
	tags: zod.z.array(zod.z.string()),
	score: zod.z.number(),
	seenAt: zod.z.number()
});
var Transaction = zod.z.object({
	transaction_id: zod.z.string(),
	transaction_type: zod.z.string(),
	details: zod.z.record(zod.z.string(), zod.z.string()).nullable()
});
var Subscription = zod.z.object({
	subscription_id: zod.z.string(),
	subscription_status: zod.z.string(),
	details: zod.z.record(zod.z.string(), zod.z.string()).nullable()
});
var LeadProfile = zod.z.object({
	lead: Lead,
	/** True when Kartra could not be reached and this is the last copy the app saw. */
	fromCache: zod.z.boolean(),
	seenAt: zod.z.number(),
	transactions: zod.z.array(Transaction).nullable(),
	subscriptions: zod.z.array(Subscription).nullable(),
	/** Changes queued for this lead that Kartra has not confirmed yet (or that need the user). */
	pending: zod.z.array(OutboxItemView)
});
// src/shared/ipc/contract.ts
var none = zod.z.object({}).strict();
var JobId = zod.z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "not a job id");
var AppStatus = zod.z.object({
	version: zod.z.string(),
	account: AccountInfo.nullable(),
	online: zod.z.boolean(),
	/** The App ID this build ships with (prefilled on the connect form), if any. */
	defaultAppId: zod.z.string().nullable(),
	keychain: KeychainStatus
});
var AccountId = zod.z.string().trim().min(1).max(100);
var secret = (what) => zod.z.string().trim().min(1, `${what} is required`).max(200, `${what} is too long`);
var ConnectInput = zod.z.object({
	label: AccountLabel,
	appId: secret("App ID"),
	apiKey: secret("API key"),
	apiPassword: secret("API password"),
	apiUrl: zod.z.string().trim().url("API address must be a URL").default(KARTRA_API_URL),
	/** Keep the credentials in memory only (offered when no keychain is available). */
	sessionOnly: zod.z.boolean().default(false),
	/** Re-enter the credentials of an existing account instead of adding a new one. */
	accountId: AccountId.optional()
}).strict();
var AccountsList = zod.z.object({
	accounts: zod.z.array(AccountInfo),
	currentId: zod.z.string().nullable(),
	keychain: KeychainStatus
});
/** The answer to a write: the queued changes (done when Kartra confirmed them in time) and the lead. */
var WriteReceipt = zod.z.object({
	changes: zod.z.array(OutboxItemView),
	/** True when every change was confirmed before the command returned. */
	confirmed: zod.z.boolean(),
	lead: Lead.nullable()
});
var cached = (item) => zod.z.object({
	items: zod.z.array(item),
	fetchedAt: zod.z.number().nullable()
});
var AccountLists = zod.z.object({
	tags: cached(zod.z.string()),
	lists: cached(zod.z.string()),
	sequences: cached(AccountSequence),
	pages: cached(AccountPage),
	custom_fields: cached(AccountCustomField),
	/** True when a refresh failed because Kartra could not be reached. */
	stale: zod.z.boolean()
});
var commands = {
	"app.status": {
		input: none,
		output: AppStatus
	},
	/** Start the built-in Kartra sandbox (demo data) and connect to it. */
	"sandbox.connect": {
		input: none,
		output: AccountInfo
	},
	"accounts.list": {
		input: none,
		output: AccountsList
	},
	/** Validate the credentials with one cheap call, store them in the keychain and make the account current. */
	"accounts.connect": {
		input: ConnectInput,
		output: AccountInfo
	},
	"accounts.switch": {
		input: zod.z.object({ id: AccountId }).strict(),
		output: AccountInfo
	},
	"accounts.rename": {
		input: zod.z.object({
			id: AccountId,
			label: AccountLabel
		}).strict(),
		output: AccountInfo
	},
	/** Remove the keychain entry; with deleteLocalData also the account and its local cache, outbox and imports. */
	"accounts.forget": {
		input: zod.z.object({
			id: AccountId,
			deleteLocalData: zod.z.boolean()
		}).strict(),
		output: AccountsList
	},
	/** Find one lead on Kartra by email or numeric id. */
	"leads.find": {
		input: zod.z.object({ query: zod.z.string().trim().min(1, "type an email or a lead id").max(320) }).strict(),
		output: Lead
	},
	/**
	* Queue one or more actions on a lead (durably, in the outbox) and wait briefly for Kartra to confirm
	* them. `lead` is the lead as Kartra has it when everything was confirmed, else the last known copy.
	*/
	"leads.applyActions": {
		input: zod.z.object({
			lead: LeadRef,
			actions: zod.z.array(require_validate_job.LeadAction).min(1).max(50)
		}).strict(),
		output: WriteReceipt
	},
	/** Instant search over every lead the app has seen (local cache); an empty query lists them all. */
	"leads.search": {
		input: zod.z.object({
			query: zod.z.string().max(200).default(""),
			offset: zod.z.number().int().nonnegative().default(0),
			limit: zod.z.number().int().min(1).max(500).default(100)
		}).strict(),
		output: zod.z.object({
			rows: zod.z.array(LeadRow),
			total: zod.z.number(),
			tookMs: zod.z.number(),
			newestSeenAt: zod.z.number().nullable()
		})
	},
	/** The full profile: Kartra's lead, its transactions and subscriptions, and its queued changes. Offline: the cached copy. */
	"leads.profile": {
		input: zod.z.object({ id: zod.z.string().regex(/^\d+$/, "lead id must be digits") }).strict(),
		output: LeadProfile
	},
	"leads.create": {
		input: zod.z.object({
			lead: CreateLeadInput,
			actions: zod.z.array(require_validate_job.LeadAction).max(50).default([])
		}).strict(),
		output: WriteReceipt
	},
	/** Edit fields (and new_email). `seen` holds the values the user saw, so a later conflict can be detected. */
	"leads.edit": {
		input: zod.z.object({
			lead: LeadRef,
			changes: EditLeadChanges,
			seen: zod.z.record(zod.z.string(), zod.z.string()).default({}),
			actions: zod.z.array(require_validate_job.LeadAction).max(50).default([])
		}).strict(),
		output: WriteReceipt
	},
	/** Is this email free for a new lead or a new_email? Checks Kartra (including deleted leads). */
	"leads.checkEmail": {
		input: zod.z.object({
			email: zod.z.string().trim().email("not a valid email address"),
			exceptLeadId: zod.z.string().optional()
		}).strict(),
		output: zod.z.object({
			available: zod.z.boolean(),
			reason: zod.z.string().nullable(),
			leadId: zod.z.string().nullable()
		})
	},
	/** The account's tags, from the local cache unless refresh is asked or the cache is empty. */
	"account.tags": {
		input: zod.z.object({ refresh: zod.z.boolean().default(false) }).strict(),
		output: zod.z.object({
			items: zod.z.array(zod.z.string()),
			fetchedAt: zod.z.number(),
			stale: zod.z.boolean()
		})
	},
	/** Every account list with its fetch time; refresh re-reads the named kinds (all when empty). */
	"account.lists": {
		input: zod.z.object({ refresh: zod.z.array(AccountListKind).default([]) }).strict(),
		output: AccountLists
	},
	"account.createCustomField": {
		input: zod.z.object({
			identifier: zod.z.string().trim().regex(/^[A-Za-z0-9_-]+$/, "use only letters, numbers, dashes and underscores").max(100),
			type: zod.z.enum(CUSTOM_FIELD_TYPES),
			options: zod.z.array(zod.z.string().trim().min(1, "an option cannot be empty").max(200)).max(200).default([])
		}).strict().refine((v) => v.type === "input_field" || v.type === "text_area" || v.options.length >= 2, {
			message: "give at least two options for a drop-down, radio or checkbox field",
			path: ["options"]
		}),
		output: AccountLists
	},
	"outbox.list": {
		input: zod.z.object({
			statuses: zod.z.array(OutboxStatus).default([]),
			limit: zod.z.number().int().min(1).max(5e3).default(500)
		}).strict(),
		output: zod.z.object({
			items: zod.z.array(OutboxItemView),
			state: OutboxState
		})
	},
	/** Send failed/conflicting items again (all of this account's when ids is empty). */
	"outbox.retry": {
		input: zod.z.object({ ids: zod.z.array(zod.z.number().int()).default([]) }).strict(),
		output: OutboxState
	},
	/** Drop items that are not in flight (all failed/conflict ones when ids is empty). */
	"outbox.discard": {
		input: zod.z.object({ ids: zod.z.array(zod.z.number().int()).default([]) }).strict(),
		output: OutboxState
	},
	/** Replace the change of a pending/failed/conflict item (e.g. fix a value) and queue it again. */
	"outbox.edit": {
		input: zod.z.object({
			id: zod.z.number().int(),
			change: zod.z.union([EditLeadChanges, require_validate_job.LeadAction])
		}).strict(),
		output: OutboxItemView
	},
	/** Settle a conflict: keep mine (send my values over Kartra's) or keep Kartra's (drop my change). */
	"outbox.resolve": {
		input: zod.z.object({
			id: zod.z.number().int(),
			keep: zod.z.enum(["mine", "theirs"])
		}).strict(),
		output: OutboxState
	},
	/**
	* Start an import from a file the user dropped: its bytes arrive in chunks (base64, in order, at most
	* 4 MB each), so it works the same from Electron and the browser host. The last chunk has `final`.
	*/
	"import.begin": {
		input: zod.z.object({
			fileName: zod.z.string().trim().min(1).max(255),
			bytes: zod.z.number().int().min(0)
		}).strict(),
		output: zod.z.object({ jobId: zod.z.string() })
	},
	"import.chunk": {
		input: zod.z.object({
			jobId: JobId,
			offset: zod.z.number().int().min(0),
			data: zod.z.string().max(6e6),
			final: zod.z.boolean()
		}).strict(),
		output: zod.z.object({ received: zod.z.number() })
	},
	/** Parse (off the main thread): encoding, delimiter, headers, sample, row count, suggested mapping. */
	"import.analyze": {
		input: zod.z.object({ jobId: JobId }).strict(),
		output: require_validate_job.FileAnalysis
	},
	/** Map and validate every row; the result is kept in the job's journal. */
	"import.validate": {
		input: zod.z.object({
			jobId: JobId,
			mapping: require_validate_job.ColumnMapping
		}).strict(),
		output: require_validate_job.JobProgress
	},
	"import.rows": {
		input: zod.z.object({
			jobId: JobId,
			offset: zod.z.number().int().min(0).default(0),
			limit: zod.z.number().int().min(1).max(500).default(100),
			statuses: zod.z.array(require_validate_job.RowStatus).default([])
		}).strict(),
		output: zod.z.object({
			rows: zod.z.array(require_validate_job.ImportRow),
			total: zod.z.number()
		})
	},
	/** Fix one cell inline; the row is validated again. */
	"import.fixCell": {
		input: zod.z.object({
			jobId: JobId,
			row: zod.z.number().int().min(1),
			column: zod.z.string(),
			value: zod.z.string().max(2e3)
		}).strict(),
		output: require_validate_job.ImportRow
	},
	"import.exclude": {
		input: zod.z.object({
			jobId: JobId,
			rows: zod.z.array(zod.z.number().int().min(1)).min(1).max(1e5),
			excluded: zod.z.boolean()
		}).strict(),
		output: require_validate_job.JobProgress
	},
	/** Run the ready rows on the bulk lane: one call per new lead, at most two for an existing one. */
	"import.start": {
		input: zod.z.object({
			jobId: JobId,
			options: require_validate_job.ImportOptions
		}).strict(),
		output: require_validate_job.JobProgress
	},
	"jobs.pause": {
		input: zod.z.object({ jobId: JobId }).strict(),
		output: require_validate_job.JobProgress
	},
	"jobs.resume": {
		input: zod.z.object({ jobId: JobId }).strict(),
		output: require_validate_job.JobProgress
	},
	"jobs.cancel": {
		input: zod.z.object({ jobId: JobId }).strict(),
		output: require_validate_job.JobProgress
	},
	/** Imports and recipe runs of the current account, newest first. */
	"jobs.list": {
		input: zod.z.object({ limit: zod.z.number().int().min(1).max(500).default(50) }).strict(),
		output: zod.z.object({ jobs: zod.z.array(require_validate_job.JobProgress) })
	},
	"jobs.get": {
		input: zod.z.object({ jobId: JobId }).strict(),
		output: require_validate_job.JobProgress
	},
	/** The failed (and invalid) rows as CSV with an `error` column, ready to fix and drop again. */
	"jobs.exportFailed": {
		input: zod.z.object({ jobId: JobId }).strict(),
		output: zod.z.object({
			fileName: zod.z.string(),
			csv: zod.z.string(),
			rows: zod.z.number()
		})
	},
	"recipes.list": {
		input: none,
		output: zod.z.object({ recipes: zod.z.array(require_validate_job.Recipe) })
	},
	"recipes.save": {
		input: zod.z.object({
			id: zod.z.string().optional(),
			name: require_validate_job.Recipe.shape.name,
			actions: require_validate_job.Recipe.shape.actions
		}).strict(),
		output: require_validate_job.Recipe
	},
	"recipes.delete": {
		input: zod.z.object({ id: zod.z.string() }).strict(),
		output: zod.z.object({ recipes: zod.z.array(require_validate_job.Recipe) })
	},
	/** Apply a recipe through the journaled runner: one chained call per lead, with progress and a report. */
	"recipes.apply": {
		input: zod.z.object({
			recipeId: zod.z.string(),
			target: require_validate_job.RecipeTarget
		}).strict(),
		output: require_validate_job.JobProgress
	}
};
var events = {
	"limiter.state": LimiterState,
	"app.status": AppStatus,
	"outbox.state": OutboxState,
	/** An item was queued, sent, confirmed (status done: it is then removed), failed or conflicted. */
	"outbox.item": OutboxItemView,
	/** Kartra confirmed changes to this lead; here it is as Kartra now has it. */
	"lead.updated": zod.z.object({
		accountId: zod.z.string(),
		lead: Lead
	}),
	/** Progress of an import or recipe run (a few per second while it runs, and on every status change). */
	"job.progress": require_validate_job.JobProgress
};
var COMMAND_NAMES = Object.keys(commands);
Object.keys(events);
function isCommandName(name) {
	return typeof name === "string" && Object.hasOwn(commands, name);
}
function isEventName(name) {
	return typeof name === "string" && Object.hasOwn(events, name);
}
// src/main/core/api/to-app-error.ts
function toAppError(error) {
	if (error instanceof require_validate_job.AppError) return error;
	if (error instanceof KartraApiError) {
		const described = describeKartraError(error.type, error.kartraMessage);
		return new require_validate_job.AppError(described.code, described.message, {
			retryable: false,
			details: {
				kartraType: error.type,
				kartraMessage: error.kartraMessage
			},
			cause: error
		});
	}
	if (error instanceof RateLimitedError) return new require_validate_job.AppError("rate_limited", "Kartra is busy (too many requests). The call will be retried shortly.", { retryable: true });
	if (error instanceof TransportError) {
		if (error.kind === "http" && error.status !== void 0 && error.status < 500) return new require_validate_job.AppError("kartra_error", `The API address answered HTTP ${error.status}, which Kartra's API never does. Check the account's API address.`, {
			retryable: false,
			cause: error
		});
		return new require_validate_job.AppError("offline", `Could not reach Kartra: ${error.message}`, {
			retryable: true,
			cause: error
		});
	}
	return new require_validate_job.AppError("internal", "Something went wrong inside Lead Desk. The details were written to the log.", { cause: error });
}
// src/main/core/api/router.ts
function createRouter(handlers, log) {
	return { async handle(command, rawInput) {
		if (!isCommandName(command)) return errorEnvelope(new require_validate_job.AppError("invalid_input", `Unknown command: ${describe(command)}`, { details: { field: "command" } }).toData());
		const spec = commands[command];
		const parsed = spec.input.safeParse(rawInput ?? {});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const field = issue && issue.path.length > 0 ? issue.path.join(".") : "(input)";
			const message = `Invalid input for ${command}: ${field} — ${issue?.message ?? "not valid"}`;
			return errorEnvelope(new require_validate_job.AppError("invalid_input", message, { details: { field } }).toData());
		}
		try {
			const handler = handlers[command];
			const result = await handler(parsed.data);
			const output = spec.output.safeParse(result);
			if (!output.success) {
				log.error("handler output does not match the contract", {
					command,
					issues: output.error.issues.slice(0, 3)
				});
				return errorEnvelope(new require_validate_job.AppError("internal", `The app produced an unexpected answer for ${command}.`).toData());
			}
			return okEnvelope(output.data);
		} catch (error) {
			const appError = toAppError(error);
			if (appError.code === "internal") log.error("command failed", {
				command,
				error
			});
			return errorEnvelope(appError.toData());
		}
	} };
}
function describe(value) {
	return typeof value === "string" ? JSON.stringify(value.slice(0, 80)) : typeof value;
}
// src/main/core/sandbox/rng.ts
function createRng(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = state + 1831565813 >>> 0;
		let t = state;
		t = Math.imul(t ^ t >>> 15, t | 1);
		t ^= t + Math.imul(t ^ t >>> 7, t | 61);
		return ((t ^ t >>> 14) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick(items) {
			if (items.length === 0) throw new Error("pick from an empty list");
			return items[int(0, items.length - 1)];
		},
		sample(items, k) {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = int(0, i);
				[copy[i], copy[j]] = [copy[j], copy[i]];
			}
			return copy.slice(0, Math.max(0, Math.min(k, copy.length)));
		},
		chance: (p) => next() < p
	};
}
// src/main/core/sandbox/faults.ts
var share = (v) => typeof v === "number" && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
var FaultInjector = class {
	faults;
	rng;
	constructor(seed, faults = {}) {
		this.rng = createRng(seed);
		this.faults = { ...faults };
	}
	set(faults) {
		this.faults = { ...faults };
	}
	get latencyMs() {
		return Math.max(0, this.faults.latencyMs ?? 0);
	}
	get holdMs() {
		return Math.max(0, this.faults.timeoutHoldMs ?? 3e4);
	}
	/**
	* One roll per accepted request, against the shares stacked in the order 429, 5xx, reset, timeout (their sum
	* is capped at 1); half of the resets happen after the command was applied (an uncertain write).
	*/
	decide() {
		const f = this.faults;
		const bands = [
			["extra429", share(f.rate429)],
			["http503", share(f.rate5xx)],
			["resetBefore", share(f.reset)],
			["timeout", share(f.timeout)]
		];
		if (bands.every(([, p]) => p === 0)) return "none";
		const r = this.rng.next();
		let edge = 0;
		for (const [fault, p] of bands) {
			edge += p;
			if (r < edge) return fault === "resetBefore" && this.rng.next() < .5 ? "resetAfter" : fault;
		}
		return "none";
	}
};
var FAULT_KEYS = [
	"rate429",
	"rate5xx",
	"reset",
	"timeout",
	"latencyMs",
	"timeoutHoldMs"
];
/** Checks a faults object (it may come from JSON): known keys, finite numbers >= 0, shares <= 1. */
function checkFaults(input) {
	if (typeof input !== "object" || input === null || Array.isArray(input)) throw new TypeError("faults must be an object");
	const out = {};
	for (const [key, value] of Object.entries(input)) {
		if (!FAULT_KEYS.includes(key)) throw new TypeError(`unknown fault "${key}" (known: ${FAULT_KEYS.join(", ")})`);
		if (value === void 0) continue;
		if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new TypeError(`fault ${key} must be a number >= 0`);
		if (key !== "latencyMs" && key !== "timeoutHoldMs" && value > 1) throw new TypeError(`fault ${key} is a share between 0 and 1`);
		out[key] = value;
	}
	return out;
}
// src/main/core/sandbox/types.ts
/** Profile fields of a lead as Kartra names them (kartra-api.md §8.1): the text fields plus business_type. */
var PROFILE_FIELDS = [...LEAD_TEXT_FIELDS, "business_type"];
var SandboxInspectError = class extends Error {
	name = "SandboxInspectError";
};
// src/main/core/sandbox/admin.ts
/**
* Methods: getLead, listLeads, editLead, deleteLead, catalog, transactions, subscriptions, advanceClock (the
* SandboxInspector methods, same argument), setFaults (SandboxFaults), setTestMode ({on: boolean}), stats ({}).
* Answers `{ok: true, value}` (200) or `{ok: false, error}` (400 bad input, 401 token, 404 method, 405 verb).
*/
function handleAdmin(deps, method, path, token, body) {
	if (!tokenMatches(deps.token, token)) return {
		status: 401,
		body: {
			ok: false,
			error: "missing or wrong x-sandbox-admin token"
		}
	};
	const name = path.replace(/^\/__admin\/?/, "");
	const call = route(deps, name);
	if (!call) return {
		status: 404,
		body: {
			ok: false,
			error: `no admin method "${name}"`
		}
	};
	if (method !== "POST") return {
		status: 405,
		body: {
			ok: false,
			error: "admin methods are called with POST"
		}
	};
	let input = {};
	if (body.trim() !== "") try {
		input = JSON.parse(body);
	} catch {
		return {
			status: 400,
			body: {
				ok: false,
				error: "the body is not valid JSON"
			}
		};
	}
	if (typeof input !== "object" || input === null || Array.isArray(input)) return {
		status: 400,
		body: {
			ok: false,
			error: "the body must be a JSON object"
		}
	};
	try {
		return {
			status: 200,
			body: {
				ok: true,
				value: call(input) ?? null
			}
		};
	} catch (error) {
		if (error instanceof SandboxInspectError) return {
			status: 400,
			body: {
				ok: false,
				error: error.message
			}
		};
		throw error;
	}
}
function route(deps, name) {
	const i = deps.inspect;
	const calls = {
		getLead: (x) => i.getLead(x),
		listLeads: (x) => i.listLeads(x),
		editLead: (x) => i.editLead(x),
		deleteLead: (x) => i.deleteLead(x),
		catalog: (x) => i.catalog(x),
		transactions: (x) => i.transactions(x),
		subscriptions: (x) => i.subscriptions(x),
		advanceClock: (x) => i.advanceClock(x),
		setFaults: (x) => {
			let faults;
			try {
				faults = checkFaults(x);
			} catch (error) {
				throw new SandboxInspectError(error.message);
			}
			deps.setFaults(faults);
			return { faults };
		},
		setTestMode: (x) => {
			if (typeof x.on !== "boolean") throw new SandboxInspectError("setTestMode takes {\"on\": true|false}");
			deps.setTestMode(x.on);
			return { testMode: x.on };
		},
		stats: () => deps.stats()
	};
	return Object.hasOwn(calls, name) ? calls[name] : void 0;
}
function tokenMatches(expected, given) {
	if (typeof given !== "string") return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(given);
	return a.length === b.length && (0, node_crypto.timingSafeEqual)(a, b);
}
// src/main/core/sandbox/messages.ts
var M = (table) => table;
var MESSAGES = M({
	listSubscribed: {
		type: "101",
		text: "Lead subscribed to list",
		legacy: "The lead will be subscribed in list {list_name} in a few moments"
	},
	listUnsubscribed: {
		type: "101",
		text: "Lead unsubscribed from list"
	},
	tagAdded: {
		type: "103",
		text: "Tag added to lead"
	},
	tagRemoved: {
		type: "104",
		text: "Tag removed from lead",
		legacy: "The tag {tag_name} will be removed from lead in a few moments"
	},
	pointsAdded: {
		type: "105",
		text: "Points added to lead",
		legacy: "{points} points were added to lead"
	},
	pointsRemoved: {
		type: "106",
		text: "Points removed from lead"
	},
	sequenceAdded: {
		type: "107",
		text: "Lead added to sequence"
	},
	sequenceRemoved: {
		type: "108",
		text: "Lead removed from sequence"
	},
	classSubscribed: {
		type: "112",
		text: "Lead subscribed to class"
	},
	classCancelled: {
		type: "113",
		text: "Lead unsubscribed from class"
	},
	fieldCreated: {
		type: "114",
		text: "Custom Field created"
	},
	subscriptionModified: {
		type: "115",
		text: "Subscription modified"
	},
	leadFound: {
		type: "",
		text: "Lead found"
	},
	transactionExists: {
		type: "",
		text: "Transaction exists"
	},
	subscriptionExists: {
		type: "",
		text: "Subscription exists"
	},
	insecure: {
		type: "201",
		text: "Connection not secure"
	},
	apiKeyEmpty: {
		type: "202",
		text: "API key cannot be empty. Please get an API key first"
	},
	apiKeyInvalid: {
		type: "203",
		text: "API key not valid. Please get an API key first"
	},
	accountInactive: {
		type: "204",
		text: "API Account inactive"
	},
	leadRequired: {
		type: "206",
		text: "email or lead id is required. Nothing done"
	},
	leadNotArray: {
		type: "223",
		text: "'lead' not an array"
	},
	actionsNotArray: {
		type: "224",
		text: "'actions' not an array"
	},
	apiPasswordInvalid: {
		type: "233",
		text: "API password not valid. Please get an API password first"
	},
	getLeadNotArray: {
		type: "236",
		text: "'get_lead' not an array"
	},
	appIdEmpty: {
		type: "238",
		text: "App Id cannot be empty. Please get an App Id first"
	},
	appIdInvalid: {
		type: "239",
		text: "App Id is not valid. The app does not exists or is inactive"
	},
	appInactive: {
		type: "240",
		text: "App Account inactive"
	},
	ipNotAllowed: {
		type: "242",
		text: "This API call was sent from an unauthorized IP"
	},
	cmdRequired: {
		type: "254",
		text: "'cmd' is required"
	},
	noPermission: {
		type: "262",
		text: "App does not have permission to execute this CMD"
	},
	leadNotFound: {
		type: "243",
		text: "No lead found"
	},
	leadExists: {
		type: "244",
		text: "Lead already exists"
	},
	leadDeleted: {
		type: "245",
		text: "Lead is deleted"
	},
	getLeadNotFound: {
		type: "234",
		text: "No lead found"
	},
	customFieldFormat: {
		type: "271",
		text: "Wrong custom field format"
	},
	listEmpty: {
		type: "207",
		text: "List cannot be empty",
		legacy: "list_name cannot be empty. Nothing done"
	},
	unlistEmpty: {
		type: "208",
		text: "List cannot be empty"
	},
	unlistMissing: {
		type: "209",
		text: "List does not exist"
	},
	tagEmpty: {
		type: "211",
		text: "Tag cannot be empty"
	},
	tagMissing: {
		type: "212",
		text: "Tag does not exist"
	},
	untagEmpty: {
		type: "213",
		text: "Tag cannot be empty",
		legacy: "tag_name cannot be empty. Nothing done"
	},
	untagMissing: {
		type: "214",
		text: "Tag does not exist",
		legacy: "Invalid tag. Nothing done"
	},
	pointsEmpty: {
		type: "215",
		text: "Points cannot be empty",
		legacy: "points cannot be empty. Nothing done"
	},
	removePointsEmpty: {
		type: "217",
		text: "Points cannot be empty"
	},
	sequenceMissing: {
		type: "219",
		text: "Sequence does not exist"
	},
	unsequenceMissing: {
		type: "220",
		text: "Sequence does not exist"
	},
	stepEmpty: {
		type: "225",
		text: "Step cannot be empty"
	},
	sequenceEmpty: {
		type: "226",
		text: "Sequence cannot be empty"
	},
	pointsNaN: {
		type: "227",
		text: "Points is not a number",
		legacy: "points is not a number. Nothing done"
	},
	removePointsNaN: {
		type: "228",
		text: "Points is not a number"
	},
	stepNotAlnum: {
		type: "229",
		text: "Step has to be alphanumeric"
	},
	stepMissing: {
		type: "230",
		text: "Step does not exist"
	},
	listMissing: {
		type: "231",
		text: "List does not exist",
		legacy: "list does not exist. Nothing done"
	},
	calendarEmpty: {
		type: "255",
		text: "Calendar cannot be empty"
	},
	classEmpty: {
		type: "256",
		text: "Class cannot be empty"
	},
	calendarMissing: {
		type: "257",
		text: "Calendar does not exist"
	},
	classMissing: {
		type: "258",
		text: "Class does not exist"
	},
	noBooking: {
		type: "259",
		text: "No active/pending calendar subscription for this lead"
	},
	badDate: {
		type: "260",
		text: "Invalid date format"
	},
	pastDate: {
		type: "261",
		text: "Date is in the past"
	},
	fieldName: {
		type: "263",
		text: "Custom Field name can only contain letters, numbers, dashes or underscores"
	},
	fieldExists: {
		type: "264",
		text: "Custom Field already exists or not allowed"
	},
	fieldEmpty: {
		type: "265",
		text: "Custom Field cannot be empty"
	},
	fieldType: {
		type: "269",
		text: "Custom Field type not valid"
	},
	optionsNotArray: {
		type: "270",
		text: "Options not an array"
	},
	optionEmpty: {
		type: "272",
		text: "Option cannot be empty"
	},
	optionsTooFew: {
		type: "273",
		text: "Options must have two or more elements"
	},
	transactionMissing: {
		type: "247",
		text: "Transaction doesn't exist"
	},
	subscriptionMissing: {
		type: "248",
		text: "Subscription doesn't exist"
	},
	notLinked: {
		type: "249",
		text: "Transaction not linked to any recurring subscription"
	},
	outsideRefund: {
		type: "250",
		text: "Transaction outside refund period"
	},
	alreadyRefunded: {
		type: "251",
		text: "Transaction already refunded"
	},
	alreadyCancelled: {
		type: "252",
		text: "Subscription already cancelled"
	},
	notRefundable: {
		type: "253",
		text: "This type of transaction cannot be refunded or cancelled"
	},
	refundFailed: {
		type: "266",
		text: "Refund has failed"
	},
	cancelFailed: {
		type: "267",
		text: "Cancellation has failed"
	},
	badAmount: {
		type: "268",
		text: "Invalid amount"
	},
	wrongStatus: {
		type: "274",
		text: "Wrong status"
	},
	notUpdatable: {
		type: "275",
		text: "Subscriptions cancelled or terminated cannot be updated"
	},
	quantityRange: {
		type: "276",
		text: "Quantity must be between 1 and 9,999"
	},
	priceRange: {
		type: "277",
		text: "Price must be between 1.00 and 9,999.99"
	},
	badNumber: {
		type: "278",
		text: "Invalid number"
	},
	badPeriod: {
		type: "280",
		text: "Invalid recurring period"
	},
	recurrenceLocked: {
		type: "281",
		text: "Recurrence cannot be changed"
	},
	badInstallments: {
		type: "282",
		text: "Incorrect number of installments"
	},
	badProduct: {
		type: "283",
		text: "Wrong product id or price point"
	},
	paypal: {
		type: "284",
		text: "Paypal transactions cannot be modified"
	},
	nothingToEdit: {
		type: "285",
		text: "No editable parameters for subscription"
	},
	taxRange: {
		type: "290",
		text: "Tax must be between 0 and 100"
	},
	chainOrder: {
		type: "291",
		text: "create_lead, edit_lead and search_lead must be the first cmd (actions[0])"
	},
	invalidValue: {
		type: "292",
		text: "Invalid value for {field}"
	},
	rateLimited: {
		type: "429",
		text: "Too many requests"
	}
});
/** The `{type, message}` pair of a situation, filling `{var}` placeholders. */
function say(key, legacy, vars = {}) {
	const spec = MESSAGES[key];
	const message = (legacy && spec.legacy ? spec.legacy : spec.text).replace(/\{(\w+)\}/g, (_, name) => vars[name] ?? "");
	return {
		type: spec.type,
		message
	};
}
// src/main/core/sandbox/auth.ts
var SANDBOX_APP_ID = "LDSANDBOX01";
/** Apps that reach the app-level error codes: 240, 242 and 262 (any other app_id → 239, none → 238). */
var SANDBOX_APPS = {
	/** Active, every command allowed. */
	active: SANDBOX_APP_ID,
	/** The developer's account is inactive → 240. */
	inactive: "LDSANDBOXOFF",
	/** IP allow-list excludes 127.0.0.1 → 242. */
	ipRestricted: "LDSANDBOXIP",
	/** Only read commands allowed → 262 on any write. */
	readOnly: "LDSANDBOXRO"
};
var APPS = [
	{
		appId: SANDBOX_APPS.active,
		developerActive: true,
		allowedIps: null,
		readOnly: false
	},
	{
		appId: SANDBOX_APPS.inactive,
		developerActive: false,
		allowedIps: null,
		readOnly: false
	},
	{
		appId: SANDBOX_APPS.ipRestricted,
		developerActive: true,
		allowedIps: ["203.0.113.7"],
		readOnly: false
	},
	{
		appId: SANDBOX_APPS.readOnly,
		developerActive: true,
		allowedIps: null,
		readOnly: true
	}
];
var DEMO_ACCOUNT = {
	label: "Demo Store",
	appId: SANDBOX_APP_ID,
	apiKey: "sandbox-demo-key",
	apiPassword: "sandbox-demo-password"
};
var AGENCY_ACCOUNT = {
	label: "Agency Client",
	appId: SANDBOX_APP_ID,
	apiKey: "sandbox-agency-key",
	apiPassword: "sandbox-agency-password"
};
/** An App user whose Kartra account is inactive → 204. */
var INACTIVE_ACCOUNT = {
	label: "Closed Account",
	appId: SANDBOX_APP_ID,
	apiKey: "sandbox-inactive-key",
	apiPassword: "sandbox-inactive-password"
};
var ACCOUNT_IDS = {
	demo: 1,
	agency: 2,
	inactive: 3
};
/** The rows the accounts table always holds (re-asserted on every start, so credentials cannot drift). */
var ACCOUNT_ROWS = [
	{
		id: ACCOUNT_IDS.demo,
		label: DEMO_ACCOUNT.label,
		api_key: DEMO_ACCOUNT.apiKey,
		api_password: DEMO_ACCOUNT.apiPassword,
		active: 1,
		gdpr_enabled: 1,
		page_host: "demostore.kartra.com"
	},
	{
		id: ACCOUNT_IDS.agency,
		label: AGENCY_ACCOUNT.label,
		api_key: AGENCY_ACCOUNT.apiKey,
		api_password: AGENCY_ACCOUNT.apiPassword,
		active: 1,
		gdpr_enabled: 0,
		page_host: "agencyclient.kartra.com"
	},
	{
		id: ACCOUNT_IDS.inactive,
		label: INACTIVE_ACCOUNT.label,
		api_key: INACTIVE_ACCOUNT.apiKey,
		api_password: INACTIVE_ACCOUNT.apiPassword,
		active: 0,
		gdpr_enabled: 0,
		page_host: "closed.kartra.com"
	}
];
/** Commands an app allowed only to read may run (everything else is a write → 262 for LDSANDBOXRO). */
var READ_COMMANDS = /* @__PURE__ */ new Set([
	"search_lead",
	"retrieve_account_tags",
	"retrieve_account_lists",
	"retrieve_account_sequences",
	"retrieve_account_pages",
	"retrieve_custom_fields",
	"search_transaction",
	"get_transaction_details",
	"retrieve_transactions_from_lead",
	"retrieve_subscriptions_from_lead",
	"search_subscription",
	"get_subscription_details"
]);
var str = (v) => typeof v === "string" ? v : "";
/**
* 238/239/240 (app) → 202/203/233/204 (account) → 242 (IP): the order kartra-api.md §4 suggests; the first
* failing check answers.
*/
function checkCredentials(params, remoteIp, catalog, legacy) {
	const fail = (key) => say(key, legacy);
	const appId = str(params.app_id);
	if (appId === "") return fail("appIdEmpty");
	const app = APPS.find((a) => a.appId === appId);
	if (!app) return fail("appIdInvalid");
	if (!app.developerActive) return fail("appInactive");
	const apiKey = str(params.api_key);
	if (apiKey === "") return fail("apiKeyEmpty");
	const account = catalog.accountByKey(apiKey);
	if (!account) return fail("apiKeyInvalid");
	if (account.api_password !== str(params.api_password)) return fail("apiPasswordInvalid");
	if (!account.active) return fail("accountInactive");
	if (app.allowedIps && !app.allowedIps.includes(normaliseIp(remoteIp))) return fail("ipNotAllowed");
	return {
		appReadOnly: app.readOnly,
		account
	};
}
function normaliseIp(ip) {
	return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
var isSaid = (v) => typeof v === "object" && v !== null && "type" in v && "message" in v && !("account" in v);
// src/main/core/sandbox/est-time.ts
var ZONE = "America/New_York";
var ZERO_DATE = "0000-00-00 00:00:00";
var formatter = new Intl.DateTimeFormat("en-US", {
	timeZone: ZONE,
	year: "numeric",
	month: "2-digit",
	day: "2-digit",
	hour: "2-digit",
	minute: "2-digit",
	second: "2-digit",
	hourCycle: "h23"
});
function wallClock(ms) {
	const out = {};
	for (const part of formatter.formatToParts(new Date(ms))) if (part.type !== "literal") out[part.type] = Number(part.value);
	return {
		year: out.year ?? 0,
		month: out.month ?? 0,
		day: out.day ?? 0,
		hour: out.hour ?? 0,
		minute: out.minute ?? 0,
		second: out.second ?? 0
	};
}
var pad = (n, width = 2) => String(n).padStart(width, "0");
/** `YYYY-MM-DD HH:MM:SS` in Eastern time. */
function formatEst(ms) {
	const w = wallClock(ms);
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
/** The Eastern-time offset (ms, negative) in force at instant `ms`. */
function offsetAt(ms) {
	const w = wallClock(ms);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1e3) * 1e3;
}
/**
* The instant at which Eastern wall-clock time reads the given values, or null when the values do not form a
* real calendar date/time (31 Feb, 25:00).
*/
function estToMs(year, month, day, hour = 0, minute = 0, second = 0) {
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
	const local = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(local);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
	return local - offsetAt(local - offsetAt(local));
}
var MONTHS = [
	"Jan",
	"Feb",
	"Mar",
	"Apr",
	"May",
	"Jun",
	"Jul",
	"Aug",
	"Sep",
	"Oct",
	"Nov",
	"Dec"
];
/** Parses calendar_subscribe's `DD Mmm YYYY` (e.g. `16 Jan 2019`); returns [year, month, day] or null. */
function parseDayMonthYear(text) {
	const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(text);
	if (!m) return null;
	const month = MONTHS.findIndex((name) => name.toLowerCase() === m[2].toLowerCase()) + 1;
	if (month === 0) return null;
	return [
		Number(m[3]),
		month,
		Number(m[1])
	];
}
/** Parses `HH:MM`; returns [hour, minute] or null. */
function parseHourMinute(text) {
	const m = /^(\d{2}):(\d{2})$/.exec(text);
	if (!m) return null;
	const hour = Number(m[1]);
	const minute = Number(m[2]);
	return hour <= 23 && minute <= 59 ? [hour, minute] : null;
}
/** Parses edit_subscription's `yyyy-mm-dd hh:mm` (seconds optional) as Eastern time; null if malformed. */
function parseEstDateTime(text) {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
	if (!m) return null;
	return estToMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}
function createClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		advance(ms) {
			offset += ms;
		}
	};
}
var DAY_MS = 864e5;
// src/main/core/sandbox/store/catalog-store.ts
var FIELD_TYPES = [
	"input_field",
	"text_area",
	"drop_down",
	"radio_button",
	"checkbox"
];
var hasOptions = (type) => type !== "input_field" && type !== "text_area";
var CatalogStore = class {
	db;
	constructor(db) {
		this.db = db;
	}
	accountById(id) {
		return this.db.get("SELECT * FROM accounts WHERE id = ?", id);
	}
	accountByKey(apiKey) {
		return this.db.get("SELECT * FROM accounts WHERE api_key = ?", apiKey);
	}
	upsertAccount(a) {
		this.db.run(`INSERT INTO accounts (id, label, api_key, api_password, active, gdpr_enabled, page_host) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET label = excluded.label, api_key = excluded.api_key,
         api_password = excluded.api_password, active = excluded.active`, a.id, a.label, a.api_key, a.api_password, a.active, a.gdpr_enabled, a.page_host);
	}
	/** True when the account has no catalog and no leads yet (seeding only fills empty accounts). */
	isEmpty(accountId) {
		return (this.db.get(`SELECT (SELECT COUNT(*) FROM leads WHERE account_id = ?1) + (SELECT COUNT(*) FROM tags WHERE account_id = ?1)
        + (SELECT COUNT(*) FROM lists WHERE account_id = ?1) + (SELECT COUNT(*) FROM custom_fields WHERE account_id = ?1) AS n`, accountId)?.n ?? 0) === 0;
	}
	tags(accountId) {
		return this.db.all("SELECT id, name FROM tags WHERE account_id = ? ORDER BY id", accountId);
	}
	tagByName(accountId, name) {
		return this.db.get("SELECT id, name FROM tags WHERE account_id = ? AND name = ? COLLATE NOCASE", accountId, name);
	}
	insertTag(accountId, name) {
		return this.db.run("INSERT INTO tags (account_id, name) VALUES (?, ?)", accountId, name).id;
	}
	lists(accountId) {
		return this.db.all("SELECT id, name FROM lists WHERE account_id = ? ORDER BY id", accountId);
	}
	listByName(accountId, name) {
		return this.db.get("SELECT id, name FROM lists WHERE account_id = ? AND name = ? COLLATE NOCASE", accountId, name);
	}
	insertList(accountId, name) {
		return this.db.run("INSERT INTO lists (account_id, name) VALUES (?, ?)", accountId, name).id;
	}
	sequences(accountId) {
		return this.db.all("SELECT id, name FROM sequences WHERE account_id = ? ORDER BY id", accountId);
	}
	sequenceByName(accountId, name) {
		return this.db.get("SELECT id, name FROM sequences WHERE account_id = ? AND name = ? COLLATE NOCASE", accountId, name);
	}
	sequenceSteps(sequenceId) {
		return this.db.all("SELECT step FROM sequence_steps WHERE sequence_id = ? ORDER BY position", sequenceId).map((r) => r.step);
	}
	insertSequence(accountId, name, steps) {
		const id = this.db.run("INSERT INTO sequences (account_id, name) VALUES (?, ?)", accountId, name).id;
		steps.forEach((step, i) => this.db.run("INSERT INTO sequence_steps (sequence_id, position, step) VALUES (?, ?, ?)", id, i, step));
		return id;
	}
	calendars(accountId) {
		return this.db.all("SELECT id, name, complete FROM calendars WHERE account_id = ? ORDER BY id", accountId);
	}
	calendarByName(accountId, name) {
		return this.db.get("SELECT id, name, complete FROM calendars WHERE account_id = ? AND name = ? COLLATE NOCASE", accountId, name);
	}
	classes(calendarId) {
		return this.db.all("SELECT id, name, calendar_id FROM calendar_classes WHERE calendar_id = ? ORDER BY id", calendarId);
	}
	classByName(calendarId, name) {
		return this.db.get("SELECT id, name, calendar_id FROM calendar_classes WHERE calendar_id = ? AND name = ? COLLATE NOCASE", calendarId, name);
	}
	insertCalendar(accountId, name, complete, classNames) {
		const id = this.db.run("INSERT INTO calendars (account_id, name, complete) VALUES (?, ?, ?)", accountId, name, complete ? 1 : 0).id;
		for (const c of classNames) this.db.run("INSERT INTO calendar_classes (calendar_id, name) VALUES (?, ?)", id, c);
		return id;
	}
	fields(accountId) {
		const fields = this.db.all("SELECT id, identifier, type FROM custom_fields WHERE account_id = ? ORDER BY id", accountId);
		const options = this.db.all(`SELECT o.id, o.field_id, o.value FROM custom_field_options o JOIN custom_fields f ON f.id = o.field_id
       WHERE f.account_id = ? ORDER BY o.field_id, o.position`, accountId);
		return fields.map((f) => ({
			...f,
			options: options.filter((o) => o.field_id === f.id)
		}));
	}
	fieldByIdentifier(accountId, identifier) {
		return this.db.get("SELECT id, identifier, type FROM custom_fields WHERE account_id = ? AND identifier = ? COLLATE NOCASE", accountId, identifier);
	}
	insertField(accountId, identifier, type, optionValues) {
		const id = this.db.run("INSERT INTO custom_fields (account_id, identifier, type) VALUES (?, ?, ?)", accountId, identifier, type).id;
		optionValues.forEach((value, i) => this.db.run("INSERT INTO custom_field_options (field_id, position, value) VALUES (?, ?, ?)", id, i, value));
		return id;
	}
	pages(accountId) {
		return this.db.all("SELECT id, name, url FROM pages WHERE account_id = ? ORDER BY id", accountId);
	}
	insertPage(accountId, name, url) {
		return this.db.run("INSERT INTO pages (account_id, name, url) VALUES (?, ?, ?)", accountId, name, url).id;
	}
	memberships(accountId) {
		return this.db.all("SELECT id, name FROM memberships WHERE account_id = ? ORDER BY id", accountId).map((m) => ({
			...m,
			levels: this.db.all("SELECT id, name FROM membership_levels WHERE membership_id = ? ORDER BY id", m.id)
		}));
	}
	insertMembership(accountId, name, levels) {
		const id = this.db.run("INSERT INTO memberships (account_id, name) VALUES (?, ?)", accountId, name).id;
		return levels.map((l) => this.db.run("INSERT INTO membership_levels (membership_id, name) VALUES (?, ?)", id, l).id);
	}
	/** Makes AUTOINCREMENT ids of `table` continue after `floor` (Kartra-looking ids such as lead 39260). */
	startIdsAt(table, floor) {
		const row = this.db.get("SELECT seq FROM sqlite_sequence WHERE name = ?", table);
		if (!row) this.db.run("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, floor);
		else if (row.seq < floor) this.db.run("UPDATE sqlite_sequence SET seq = ? WHERE name = ?", floor, table);
	}
};
// src/main/core/sandbox/commands/context.ts
function succeed(ctx, key, vars) {
	const { type, message } = say(key, ctx.legacy, vars);
	return {
		ok: true,
		entry: type ? {
			status: "Success",
			message,
			type
		} : {
			status: "Success",
			message
		}
	};
}
function fail$1(ctx, key, vars) {
	return {
		ok: false,
		said: say(key, ctx.legacy, vars)
	};
}
/** A scalar form value as a string; arrays/objects/absent read as '' (PHP would see no usable text). */
function text(value) {
	return typeof value === "string" ? value : "";
}
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/**
* A PHP-array-like form value as a list: a qs array, or an object whose keys are all integers (qs turns very
* sparse or very large indices into objects). Anything else is not a list.
*/
function asList(value) {
	if (Array.isArray(value)) return value;
	if (!isRecord(value)) return null;
	const keys = Object.keys(value);
	if (!keys.every((k) => /^\d+$/.test(k))) return null;
	return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
}
var isDigits = (s) => /^\d+$/.test(s);
// src/main/core/sandbox/commands/lead-input.ts
var EMAIL$1 = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** [U] Kartra's answer to a malformed address is undocumented; the sandbox refuses it (invented 292). */
var isValidEmail = (email) => EMAIL$1.test(email) && email.length <= 254;
/**
* Documented check first (271 Wrong custom field format), then the sandbox's own value checks (invented 292):
* a profile field sent as an array, a time zone outside the 76 of §8.4 ([U]: kartra-api.md asks a simulator to
* refuse them), a non-numeric business_type ([U]: "number" per §8.1).
*/
function readLeadInput(block, fields) {
	const customFields = readCustomFields(block.custom_fields, fields);
	if (customFields === null) return { key: "customFieldFormat" };
	const profile = {};
	for (const name of PROFILE_FIELDS) {
		const value = block[name];
		if (value === void 0) continue;
		if (typeof value !== "string") return {
			key: "invalidValue",
			field: name
		};
		profile[name] = value;
	}
	const tz = profile.lead_preferred_time_zone;
	if (tz !== void 0 && tz !== "" && !require_validate_job.isKartraTimeZone(tz)) return {
		key: "invalidValue",
		field: "lead_preferred_time_zone"
	};
	const bt = profile.business_type;
	if (bt !== void 0 && bt !== "" && !isDigits(bt)) return {
		key: "invalidValue",
		field: "business_type"
	};
	return {
		profile,
		customFields
	};
}
var isProblem = (v) => "key" in v;
/**
* `lead[custom_fields][i][field_identifier|field_value]` → changes, or null for 271. Unknown identifiers are
* silently ignored (kartra-api.md §8.3). drop_down/radio_button take one option id, checkbox a list of option ids,
* text fields a string; '' clears any type. Anything else — a non-list, an entry without identifier or value,
* a list for a single-value field, an option id of another field — is 271.
*/
function readCustomFields(raw, fields) {
	if (raw === void 0) return [];
	const entries = asList(raw);
	if (entries === null) return null;
	const changes = /* @__PURE__ */ new Map();
	for (const entry of entries) {
		if (!isRecord(entry)) return null;
		const identifier = entry.field_identifier;
		if (typeof identifier !== "string" || identifier === "") return null;
		if (!("field_value" in entry)) return null;
		const field = fields.find((f) => f.identifier.toLowerCase() === identifier.toLowerCase());
		if (!field) continue;
		const change = readValue(field, entry.field_value);
		if (change === null) return null;
		changes.set(field.id, change);
	}
	return [...changes.values()];
}
function readValue(field, value) {
	if (!hasOptions(field.type)) return typeof value === "string" ? {
		fieldId: field.id,
		text: value
	} : null;
	if (value === "") return {
		fieldId: field.id,
		optionIds: []
	};
	const optionOf = (v) => {
		if (typeof v !== "string" || !isDigits(v)) return null;
		const option = field.options.find((o) => o.id === Number(v));
		return option ? option.id : null;
	};
	if (field.type === "checkbox") {
		const list = asList(value);
		if (list === null || list.length === 0) return null;
		const ids = list.map(optionOf);
		if (ids.some((id) => id === null)) return null;
		return {
			fieldId: field.id,
			optionIds: ids
		};
	}
	const id = optionOf(value);
	return id === null ? null : {
		fieldId: field.id,
		optionIds: [id]
	};
}
// src/main/core/sandbox/lead-view.ts
/**
* get_lead's `lead_details`. Scalars follow the official table (ids as strings, score/blacklisted as integers);
* relations follow the evidence listed in §8.2: tags [{tag_name, tag_id}], lists [{list_id, list_name, active}],
* sequences [{sequence_id, sequence_name, step, status}], memberships with both `name` (production code) and
* `membership_name` (AE), custom_fields for every account field, GDPR fields.
*/
function leadDetails(state, account, lead) {
	const { leads, catalog } = state;
	const texts = leads.textValues(lead.id);
	const options = leads.optionValues(lead.id);
	const customFields = catalog.fields(account.id).map((f) => {
		if (!hasOptions(f.type)) return {
			field_id: String(f.id),
			field_identifier: f.identifier,
			field_type: f.type,
			field_value: texts.get(f.id) ?? ""
		};
		const chosen = options.get(f.id) ?? [];
		return {
			field_id: String(f.id),
			field_identifier: f.identifier,
			field_type: f.type,
			field_value: f.options.filter((o) => chosen.includes(o.id)).map((o) => ({
				option_id: String(o.id),
				option_value: o.value
			}))
		};
	});
	return {
		id: String(lead.id),
		first_name: lead.first_name,
		middle_name: lead.middle_name,
		last_name: lead.last_name,
		last_name2: lead.last_name2,
		email: lead.email,
		date_joined: formatEst(lead.date_joined),
		phone_country_code: lead.phone_country_code,
		phone: lead.phone,
		ip: lead.ip,
		address: lead.address,
		zip: lead.zip,
		city: lead.city,
		state: lead.state,
		country: lead.country,
		company: lead.company,
		lead_picture: lead.lead_picture,
		score: lead.score,
		source: lead.source,
		source_id: lead.source_id,
		ip_country: lead.ip_country,
		website: lead.website,
		facebook: lead.facebook,
		twitter: lead.twitter,
		linkedin: lead.linkedin,
		lead_preferred_time_zone: lead.lead_preferred_time_zone,
		sales_tax_id: lead.sales_tax_id,
		notes: lead.notes,
		blacklisted: lead.blacklisted,
		gdpr_lead_status: lead.gdpr_status,
		gdpr_lead_status_date: lead.gdpr_status_date,
		gdpr_lead_status_ip: lead.gdpr_status_ip,
		gdpr_lead_communications: lead.gdpr_communications,
		custom_fields: customFields,
		tags: leads.tags(lead.id).map((t) => ({
			tag_name: t.name,
			tag_id: String(t.id)
		})),
		lists: leads.lists(lead.id).map((l) => ({
			list_id: String(l.id),
			list_name: l.name,
			active: l.active ? "1" : "0"
		})),
		sequences: leads.sequences(lead.id).map((s) => ({
			sequence_id: String(s.id),
			sequence_name: s.name,
			step: s.step,
			status: s.status
		})),
		memberships: leads.memberships(lead.id).map((m) => ({
			membership_id: String(m.membership_id),
			name: m.name,
			membership_name: m.name,
			level_id: String(m.level_id),
			level_name: m.level_name,
			active: m.active ? "1" : "0"
		})),
		calendars: leads.bookings(lead.id).map((b) => ({
			calendar_name: b.calendar_name,
			class_name: b.class_name,
			status: b.status
		}))
	};
}
function leadState(state, account, lead) {
	const { leads, catalog } = state;
	const texts = leads.textValues(lead.id);
	const options = leads.optionValues(lead.id);
	const customFields = {};
	for (const f of catalog.fields(account.id)) customFields[f.identifier] = hasOptions(f.type) ? (options.get(f.id) ?? []).map(String) : texts.get(f.id) ?? "";
	const profile = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, lead[f]]));
	return {
		id: String(lead.id),
		email: lead.email,
		deleted: lead.deleted === 1,
		deletedAt: lead.deleted_at === null ? null : formatEst(lead.deleted_at),
		dateJoined: formatEst(lead.date_joined),
		source: lead.source,
		score: lead.score,
		profile,
		tags: leads.tags(lead.id).map((t) => t.name),
		lists: leads.lists(lead.id).map((l) => ({
			name: l.name,
			active: l.active === 1
		})),
		sequences: leads.sequences(lead.id).map((s) => ({
			name: s.name,
			step: s.step,
			status: s.status === "active" ? "active" : "unsubscribed"
		})),
		customFields,
		calendars: leads.bookings(lead.id).map((b) => ({
			calendar: b.calendar_name,
			className: b.class_name,
			status: b.status,
			startsAt: b.starts_at === null ? null : formatEst(b.starts_at)
		})),
		memberships: leads.memberships(lead.id).map((m) => ({
			name: m.name,
			level: m.level_name,
			active: m.active === 1
		})),
		gdpr: {
			status: lead.gdpr_status,
			statusDate: lead.gdpr_status_date,
			statusIp: lead.gdpr_status_ip,
			communications: lead.gdpr_communications
		}
	};
}
// src/main/core/sandbox/inspector.ts
var fail = (message) => {
	throw new SandboxInspectError(message);
};
function createInspector(state) {
	const { catalog, leads, payments, db, clock } = state;
	const accountOf = (apiKey) => {
		if (typeof apiKey !== "string" || apiKey === "") return fail("apiKey is required");
		return catalog.accountByKey(apiKey) ?? fail(`no sandbox account has apiKey "${apiKey}"`);
	};
	const findLead = (account, q) => {
		if (q.id !== void 0 && q.id !== "") return /^\d+$/.test(String(q.id)) ? leads.byId(account.id, Number(q.id)) : void 0;
		if (typeof q.email === "string" && q.email !== "") return leads.byEmail(account.id, q.email);
		return fail("give the lead id or email");
	};
	const mustFind = (account, q) => findLead(account, q) ?? fail(`no lead ${q.id ? `with id ${q.id}` : `with email ${q.email}`} in ${account.label}`);
	const names = (v, what) => {
		if (v === void 0) return [];
		if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) return fail(`${what} must be a list of names`);
		return v;
	};
	const applyEdit = (account, lead, edit) => {
		if (edit.newEmail !== void 0) {
			if (!isValidEmail(edit.newEmail)) fail(`"${edit.newEmail}" is not an email address`);
			const holder = leads.byEmail(account.id, edit.newEmail);
			if (holder && holder.id !== lead.id) fail(`${edit.newEmail} already belongs to lead ${holder.id}`);
			leads.update(lead.id, { email: edit.newEmail });
		}
		if (edit.profile !== void 0) {
			for (const [k, v] of Object.entries(edit.profile)) {
				if (!PROFILE_FIELDS.includes(k)) fail(`unknown profile field "${k}"`);
				if (typeof v !== "string") fail(`profile.${k} must be a string`);
			}
			leads.update(lead.id, edit.profile);
		}
		if (edit.score !== void 0) {
			if (!Number.isInteger(edit.score) || edit.score < 0) fail("score must be a whole number >= 0");
			leads.update(lead.id, { score: edit.score });
		}
		const tag = (n) => catalog.tagByName(account.id, n) ?? fail(`no tag "${n}" in ${account.label}`);
		const list = (n) => catalog.listByName(account.id, n) ?? fail(`no list "${n}" in ${account.label}`);
		for (const n of names(edit.addTags, "addTags")) leads.addTag(lead.id, tag(n).id);
		for (const n of names(edit.removeTags, "removeTags")) leads.removeTag(lead.id, tag(n).id);
		for (const n of names(edit.subscribeLists, "subscribeLists")) leads.setList(lead.id, list(n).id, true);
		for (const n of names(edit.unsubscribeLists, "unsubscribeLists")) leads.setList(lead.id, list(n).id, false);
		for (const s of edit.sequences ?? []) {
			const seq = catalog.sequenceByName(account.id, s.name) ?? fail(`no sequence "${s.name}" in ${account.label}`);
			if (!catalog.sequenceSteps(seq.id).includes(s.step)) fail(`sequence "${s.name}" has no step "${s.step}"`);
			leads.subscribeSequence(lead.id, seq.id, s.step);
			if (s.status === "unsubscribed") leads.unsubscribeSequence(lead.id, seq.id);
		}
		const fields = catalog.fields(account.id);
		for (const [identifier, value] of Object.entries(edit.customFields ?? {})) {
			const f = fields.find((x) => x.identifier === identifier) ?? fail(`no custom field "${identifier}" in ${account.label}`);
			if (!hasOptions(f.type)) {
				if (typeof value !== "string") fail(`${identifier} takes a text value`);
				leads.setText(lead.id, f.id, value);
				continue;
			}
			const ids = value === "" ? [] : Array.isArray(value) ? value : [value];
			if (f.type !== "checkbox" && ids.length > 1) fail(`${identifier} takes one option id`);
			const known = ids.map((v) => f.options.find((o) => String(o.id) === String(v)) ?? fail(`${identifier} has no option ${v}`));
			leads.setOptions(lead.id, f.id, known.map((o) => o.id));
		}
	};
	return {
		getLead(q) {
			const account = accountOf(q?.apiKey);
			return db.transaction(() => {
				leads.expirePoints(account.id, clock.now());
				const lead = findLead(account, q);
				return lead ? leadState(state, account, lead) : null;
			});
		},
		listLeads(q) {
			const account = accountOf(q?.apiKey);
			return leads.list(account.id, q.includeDeleted === true).map((l) => ({
				id: String(l.id),
				email: l.email,
				firstName: l.first_name,
				lastName: l.last_name,
				deleted: l.deleted === 1
			}));
		},
		editLead(edit) {
			const account = accountOf(edit?.apiKey);
			return db.transaction(() => {
				const lead = mustFind(account, edit);
				applyEdit(account, lead, edit);
				return leadState(state, account, leads.byId(account.id, lead.id));
			});
		},
		deleteLead(q) {
			const account = accountOf(q?.apiKey);
			return db.transaction(() => {
				const lead = mustFind(account, q);
				leads.update(lead.id, {
					deleted: 1,
					deleted_at: clock.now()
				});
				return leadState(state, account, leads.byId(account.id, lead.id));
			});
		},
		catalog(q) {
			const account = accountOf(q?.apiKey);
			return {
				label: account.label,
				tags: catalog.tags(account.id).map((t) => ({
					id: String(t.id),
					name: t.name
				})),
				lists: catalog.lists(account.id).map((l) => ({
					id: String(l.id),
					name: l.name
				})),
				sequences: catalog.sequences(account.id).map((s) => ({
					id: String(s.id),
					name: s.name,
					steps: catalog.sequenceSteps(s.id)
				})),
				calendars: catalog.calendars(account.id).map((c) => ({
					id: String(c.id),
					name: c.name,
					complete: c.complete === 1,
					classes: catalog.classes(c.id).map((k) => ({
						id: String(k.id),
						name: k.name
					}))
				})),
				customFields: catalog.fields(account.id).map((f) => ({
					id: String(f.id),
					identifier: f.identifier,
					type: f.type,
					options: f.options.map((o) => ({
						id: String(o.id),
						value: o.value
					}))
				})),
				pages: catalog.pages(account.id).map((p) => ({
					id: String(p.id),
					name: p.name,
					url: p.url
				})),
				memberships: catalog.memberships(account.id).map((m) => ({
					id: String(m.id),
					name: m.name,
					levels: m.levels.map((l) => l.name)
				}))
			};
		},
		transactions(q) {
			const account = accountOf(q?.apiKey);
			return payments.transactions(account.id).map((t) => ({
				id: String(t.id),
				leadId: String(t.lead_id),
				leadEmail: leads.byId(account.id, t.lead_id)?.email ?? "",
				type: t.type,
				productName: payments.productById(t.product_id)?.name ?? "",
				amount: t.full_amount,
				refundedAmount: t.refunded_amount,
				date: formatEst(t.date),
				subscriptionId: t.subscription_id === null ? null : String(t.subscription_id),
				isTest: t.is_test === 1,
				refundFails: t.refund_fails === 1
			}));
		},
		subscriptions(q) {
			const account = accountOf(q?.apiKey);
			return payments.subscriptions(account.id).map((s) => ({
				id: String(s.id),
				leadId: String(s.lead_id),
				leadEmail: leads.byId(account.id, s.lead_id)?.email ?? "",
				status: s.status,
				gateway: s.gateway,
				gatewaySubscriptionId: s.gateway_subscription_id,
				productName: payments.productById(s.product_id)?.name ?? "",
				kind: payments.pricePointById(s.price_point_id)?.kind ?? "recurring",
				amount: s.amount,
				nextPaymentDate: s.next_payment_date === null ? null : formatEst(s.next_payment_date),
				cancelFails: s.cancel_fails === 1
			}));
		},
		advanceClock(input) {
			const ms = input?.ms;
			if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) fail("ms must be a number >= 0");
			clock.advance(ms);
			return { now: formatEst(clock.now()) };
		}
	};
}
// src/main/core/sandbox/parse-request.ts
/**
* Parses a request body into Kartra's parameter tree. Anything that is not a form body (JSON, multipart, XML) is
* not Kartra's format and yields `{}`, so the call fails the way missing fields would (238).
* [U] A PHP backend would also parse multipart/form-data; no source uses it, so the sandbox does not.
*/
function parseKartraBody(body, contentType) {
	const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
	if (type !== "" && type !== "application/x-www-form-urlencoded") return {};
	if (type === "" && /^\s*[[{]/.test(body)) return {};
	return qs.default.parse(phpAppendIndices(body), {
		depth: 10,
		arrayLimit: 1e4,
		parameterLimit: 1e5,
		duplicates: "last"
	});
}
/**
* Rewrites every empty `[]` in a key to an explicit index, as PHP does: each `[]` appends a new element to the
* array named by the key's prefix (`actions[][cmd]=a&actions[][tag_name]=b` → two separate elements, which
* breaks an action — kartra-api.md §2.1). qs alone would merge them into one element.
*/
function phpAppendIndices(body) {
	if (!body.includes("[]") && !/%5B%5D/i.test(body)) return body;
	const next = /* @__PURE__ */ new Map();
	const bump = (prefix, index) => next.set(prefix, Math.max(next.get(prefix) ?? 0, index + 1));
	return body.split("&").map((pair) => {
		if (pair === "") return pair;
		const eq = pair.indexOf("=");
		const rawKey = eq === -1 ? pair : pair.slice(0, eq);
		const rest = eq === -1 ? "" : pair.slice(eq);
		let key;
		try {
			key = decodeURIComponent(rawKey.replace(/\+/g, " "));
		} catch {
			return pair;
		}
		let changed = false;
		let out = "";
		let i = 0;
		while (i < key.length) {
			const open = key.indexOf("[", i);
			if (open === -1) {
				out += key.slice(i);
				break;
			}
			const close = key.indexOf("]", open);
			if (close === -1) {
				out += key.slice(i);
				break;
			}
			out += key.slice(i, open);
			const inner = key.slice(open + 1, close);
			const prefix = out;
			if (inner === "") {
				const index = next.get(prefix) ?? 0;
				bump(prefix, index);
				out += `[${index}]`;
				changed = true;
			} else {
				if (/^\d+$/.test(inner)) bump(prefix, Number(inner));
				out += `[${inner}]`;
			}
			i = close + 1;
		}
		return changed ? encodeURIComponent(out) + rest : pair;
	}).join("&");
}
// src/main/core/sandbox/commands/lead-lookup.ts
/** Kartra Test Mode keeps the local part and replaces the domain (kartra-api.md §7). */
function testModeEmail(email) {
	const at = email.lastIndexOf("@");
	return at === -1 ? email : `${email.slice(0, at)}@kartra.com`;
}
function refOf(block) {
	if (!isRecord(block) && !Array.isArray(block)) return {
		id: "",
		email: ""
	};
	const b = block;
	return {
		id: text(b.id),
		email: text(b.email)
	};
}
var hasRef = (ref) => ref.id !== "" || ref.email !== "";
/** The addressed lead (deleted ones included), or undefined. */
function findLead(ctx, ref) {
	const { leads } = ctx.state;
	if (ref.id !== "") return /^\d+$/.test(ref.id) ? leads.byId(ctx.account.id, Number(ref.id)) : void 0;
	if (ref.email === "") return void 0;
	const exact = leads.byEmail(ctx.account.id, ref.email);
	if (exact || !ctx.testMode) return exact;
	return leads.byEmail(ctx.account.id, testModeEmail(ref.email));
}
// src/main/core/sandbox/commands/account-commands.ts
var retrieve = (key, read) => ({
	scope: "account",
	single: "flat",
	run: (ctx) => ({
		ok: true,
		entry: {
			status: "Success",
			[key]: read(ctx)
		}
	})
});
/** Identifiers a custom field may not take: Kartra's own lead fields ("already exists or not allowed"). */
var RESERVED = /* @__PURE__ */ new Set([
	...PROFILE_FIELDS,
	"id",
	"email",
	"new_email",
	"custom_fields",
	"score",
	"source",
	"notes"
]);
var ACCOUNT_COMMANDS = {
	retrieve_account_tags: retrieve("account_tags", (ctx) => ctx.state.catalog.tags(ctx.account.id).map((t) => t.name)),
	retrieve_account_lists: retrieve("account_lists", (ctx) => ctx.state.catalog.lists(ctx.account.id).map((l) => l.name)),
	retrieve_account_sequences: retrieve("account_sequences", (ctx) => ctx.state.catalog.sequences(ctx.account.id).map((s) => ({
		sequence_id: String(s.id),
		sequence_name: s.name,
		steps: ctx.state.catalog.sequenceSteps(s.id)
	}))),
	retrieve_account_pages: retrieve("account_pages", (ctx) => ctx.state.catalog.pages(ctx.account.id).map((p) => ({
		page_id: String(p.id),
		page_name: p.name,
		page_url: p.url
	}))),
	retrieve_custom_fields: retrieve("custom_fields", (ctx) => ctx.state.catalog.fields(ctx.account.id).map((f) => {
		const base = {
			field_id: String(f.id),
			field_identifier: f.identifier,
			field_type: f.type
		};
		if (!hasOptions(f.type)) return base;
		return {
			...base,
			field_value: f.options.map((o) => ({
				option_id: String(o.id),
				option_value: o.value
			}))
		};
	})),
	create_custom_field: {
		scope: "account",
		single: "flat",
		run(ctx, a) {
			const identifier = text(a.custom_field_identifier);
			if (identifier === "") return fail$1(ctx, "fieldEmpty");
			if (!/^[A-Za-z0-9_-]+$/.test(identifier)) return fail$1(ctx, "fieldName");
			if (RESERVED.has(identifier.toLowerCase()) || ctx.state.catalog.fieldByIdentifier(ctx.account.id, identifier)) return fail$1(ctx, "fieldExists");
			const type = text(a.custom_field_type);
			if (!FIELD_TYPES.includes(type)) return fail$1(ctx, "fieldType");
			let optionNames = [];
			if (hasOptions(type)) {
				const options = asList(a.custom_field_options);
				if (options === null) return fail$1(ctx, "optionsNotArray");
				for (const o of options) {
					const name = isRecord(o) ? text(o.option_name) : "";
					if (name.trim() === "") return fail$1(ctx, "optionEmpty");
					optionNames.push(name);
				}
				if (optionNames.length < 2) return fail$1(ctx, "optionsTooFew");
			} else optionNames = [];
			ctx.state.catalog.insertField(ctx.account.id, identifier, type, optionNames);
			return succeed(ctx, "fieldCreated");
		}
	}
};
// src/main/core/sandbox/commands/action-commands.ts
var onLead = (run) => ({
	scope: "lead",
	single: "flat",
	run(ctx, action) {
		if (!ctx.lead) throw new Error("lead action ran without a resolved lead");
		return run(ctx, ctx.lead, action);
	}
});
var subscribeList = (ctx, lead, a) => {
	const name = text(a.list_name);
	if (name === "") return fail$1(ctx, "listEmpty");
	const list = ctx.state.catalog.listByName(ctx.account.id, name);
	if (!list) return fail$1(ctx, "listMissing");
	ctx.state.leads.setList(lead.id, list.id, true);
	return succeed(ctx, "listSubscribed", { list_name: list.name });
};
/** Unsubscribing keeps the list on the lead with active 0; a list the lead never joined is a silent no-op. */
var unsubscribeList = (ctx, lead, a) => {
	const name = text(a.list_name);
	if (name === "") return fail$1(ctx, "unlistEmpty");
	const list = ctx.state.catalog.listByName(ctx.account.id, name);
	if (!list) return fail$1(ctx, "unlistMissing");
	ctx.state.leads.setList(lead.id, list.id, false);
	return succeed(ctx, "listUnsubscribed", { list_name: list.name });
};
var assignTag = (ctx, lead, a) => {
	const name = text(a.tag_name);
	if (name === "") return fail$1(ctx, "tagEmpty");
	const tag = ctx.state.catalog.tagByName(ctx.account.id, name);
	if (!tag) return fail$1(ctx, "tagMissing");
	ctx.state.leads.addTag(lead.id, tag.id);
	return succeed(ctx, "tagAdded", { tag_name: tag.name });
};
/** A tag the lead does not carry is ignored (success). */
var unassignTag = (ctx, lead, a) => {
	const name = text(a.tag_name);
	if (name === "") return fail$1(ctx, "untagEmpty");
	const tag = ctx.state.catalog.tagByName(ctx.account.id, name);
	if (!tag) return fail$1(ctx, "untagMissing");
	ctx.state.leads.removeTag(lead.id, tag.id);
	return succeed(ctx, "tagRemoved", { tag_name: tag.name });
};
/**
* "Cannot be empty" is checked before "is not a number" (an empty value would otherwise never reach it).
* [U] Only whole non-negative numbers are points; "-5" or "2.5" answer "Points is not a number".
* [U] `expiration` must be whole days when sent (invented 292 otherwise); 0 or absent = never expires.
*/
var givePoints = (ctx, lead, a) => {
	const points = text(a.points);
	if (points === "") return fail$1(ctx, "pointsEmpty");
	if (!isDigits(points)) return fail$1(ctx, "pointsNaN");
	const expiration = text(a.expiration);
	if (a.expiration !== void 0 && expiration !== "" && !isDigits(expiration)) return fail$1(ctx, "invalidValue", { field: "expiration" });
	const n = Number(points);
	ctx.state.leads.addScore(lead.id, n);
	const days = expiration === "" ? 0 : Number(expiration);
	if (days > 0 && n > 0) ctx.state.leads.addExpiringPoints(ctx.account.id, lead.id, n, ctx.state.clock.now() + days * DAY_MS);
	return succeed(ctx, "pointsAdded", { points: String(n) });
};
var removePoints = (ctx, lead, a) => {
	const points = text(a.points);
	if (points === "") return fail$1(ctx, "removePointsEmpty");
	if (!isDigits(points)) return fail$1(ctx, "removePointsNaN");
	ctx.state.leads.addScore(lead.id, -Number(points));
	return succeed(ctx, "pointsRemoved", { points });
};
/** Documented order: 226 → 225 → 219 → 229 → 230. Re-subscribing moves the lead to the given step. */
var subscribeSequence = (ctx, lead, a) => {
	const name = text(a.sequence_name);
	const step = text(a.step);
	if (name === "") return fail$1(ctx, "sequenceEmpty");
	if (step === "") return fail$1(ctx, "stepEmpty");
	const sequence = ctx.state.catalog.sequenceByName(ctx.account.id, name);
	if (!sequence) return fail$1(ctx, "sequenceMissing");
	if (!/^[A-Za-z0-9]+$/.test(step)) return fail$1(ctx, "stepNotAlnum");
	if (!ctx.state.catalog.sequenceSteps(sequence.id).includes(step)) return fail$1(ctx, "stepMissing");
	ctx.state.leads.subscribeSequence(lead.id, sequence.id, step);
	return succeed(ctx, "sequenceAdded");
};
/** [U] Params by analogy (sequence_name); a sequence the lead is not in is a silent no-op. */
var unsubscribeSequence = (ctx, lead, a) => {
	const name = text(a.sequence_name);
	if (name === "") return fail$1(ctx, "sequenceEmpty");
	const sequence = ctx.state.catalog.sequenceByName(ctx.account.id, name);
	if (!sequence) return fail$1(ctx, "unsequenceMissing");
	ctx.state.leads.unsubscribeSequence(lead.id, sequence.id);
	return succeed(ctx, "sequenceRemoved");
};
/** 255 → 256 → 257 (missing or not completed) → 258 (not in that calendar); returns the class id. */
function findClass(ctx, a) {
	const calendarName = text(a.calendar_name);
	const className = text(a.class_name);
	if (calendarName === "") return fail$1(ctx, "calendarEmpty");
	if (className === "") return fail$1(ctx, "classEmpty");
	const calendar = ctx.state.catalog.calendarByName(ctx.account.id, calendarName);
	if (!calendar || !calendar.complete) return fail$1(ctx, "calendarMissing");
	const cls = ctx.state.catalog.classByName(calendar.id, className);
	if (!cls) return fail$1(ctx, "classMissing");
	return cls.id;
}
/**
* The session start from `starting_date` (DD Mmm YYYY) and `starting_hour` (HH:MM), Eastern time.
* [U] Both omitted: booked without a date (the class's next session). Date without hour: the whole day counts,
* so only a day before today is "in the past". Hour without date: 260, since it cannot be placed.
*/
function sessionStart(ctx, a) {
	const date = text(a.starting_date);
	const hour = text(a.starting_hour);
	if (date === "" && hour === "") return null;
	if (date === "") return fail$1(ctx, "badDate");
	const dmy = parseDayMonthYear(date);
	const hm = hour === "" ? [23, 59] : parseHourMinute(hour);
	if (!dmy || !hm) return fail$1(ctx, "badDate");
	const at = estToMs(dmy[0], dmy[1], dmy[2], hm[0], hm[1], hour === "" ? 59 : 0);
	if (at === null) return fail$1(ctx, "badDate");
	if (at < ctx.state.clock.now()) return fail$1(ctx, "pastDate");
	return hour === "" ? estToMs(dmy[0], dmy[1], dmy[2], 0, 0, 0) : at;
}
var calendarSubscribe = (ctx, lead, a) => {
	const classId = findClass(ctx, a);
	if (typeof classId !== "number") return classId;
	const start = sessionStart(ctx, a);
	if (start !== null && typeof start !== "number") return start;
	const open = ctx.state.leads.openBooking(lead.id, classId);
	if (open) ctx.state.leads.rebook(open.id, start);
	else ctx.state.leads.book(lead.id, classId, start);
	return succeed(ctx, "classSubscribed");
};
var calendarCancel = (ctx, lead, a) => {
	const classId = findClass(ctx, a);
	if (typeof classId !== "number") return classId;
	const open = ctx.state.leads.openBooking(lead.id, classId);
	if (!open) return fail$1(ctx, "noBooking");
	ctx.state.leads.cancelBooking(open.id);
	return succeed(ctx, "classCancelled");
};
var ACTION_COMMANDS = {
	subscribe_lead_to_list: onLead(subscribeList),
	unsubscribe_lead_from_list: onLead(unsubscribeList),
	assign_tag: onLead(assignTag),
	unassign_tag: onLead(unassignTag),
	give_points_to_lead: onLead(givePoints),
	remove_points_from_lead: onLead(removePoints),
	subscribe_lead_to_sequence_at_step: onLead(subscribeSequence),
	unsubscribe_lead_from_sequence: onLead(unsubscribeSequence),
	calendar_subscribe: onLead(calendarSubscribe),
	calendar_cancel: onLead(calendarCancel)
};
// src/main/core/sandbox/commands/lead-commands.ts
function applyInput(ctx, leadId, input) {
	const { leads } = ctx.state;
	leads.update(leadId, input.profile);
	for (const change of input.customFields) if ("text" in change) leads.setText(leadId, change.fieldId, change.text);
	else leads.setOptions(leadId, change.fieldId, change.optionIds);
}
function reread(ctx, id) {
	const lead = ctx.state.leads.byId(ctx.account.id, id);
	if (!lead) throw new Error(`lead ${id} vanished inside its own transaction`);
	return lead;
}
var withId = (lead) => ({
	ok: true,
	entry: {
		status: "Success",
		lead_details: { id: String(lead.id) }
	},
	lead
});
var LEAD_COMMANDS = {
	create_lead: {
		scope: "anchor",
		single: "envelope",
		run(ctx) {
			const given = text(ctx.leadBlock.email);
			if (given === "") return fail$1(ctx, "leadRequired");
			const email = ctx.testMode ? testModeEmail(given) : given;
			const existing = ctx.state.leads.byEmail(ctx.account.id, email);
			if (existing) return fail$1(ctx, existing.deleted ? "leadDeleted" : "leadExists");
			const input = readLeadInput(ctx.leadBlock, ctx.state.catalog.fields(ctx.account.id));
			if (isProblem(input)) return fail$1(ctx, input.key, { field: input.field ?? "" });
			if (!isValidEmail(given)) return fail$1(ctx, "invalidValue", { field: "email" });
			const now = ctx.state.clock.now();
			const gdprOn = ctx.account.gdpr_enabled === 1;
			const id = ctx.state.leads.insert(ctx.account.id, {
				email,
				date_joined: now,
				source: "api",
				gdpr_status: gdprOn ? "4" : "0",
				gdpr_status_date: gdprOn ? formatEst(now) : "0000-00-00 00:00:00",
				gdpr_communications: gdprOn ? "0" : "1"
			});
			applyInput(ctx, id, input);
			return withId(reread(ctx, id));
		}
	},
	edit_lead: {
		scope: "anchor",
		single: "envelope",
		run(ctx) {
			const lead = findLead(ctx, refOf(ctx.leadBlock));
			if (!lead) return fail$1(ctx, "leadNotFound");
			const newGiven = text(ctx.leadBlock.new_email);
			const newEmail = newGiven === "" ? "" : ctx.testMode ? testModeEmail(newGiven) : newGiven;
			if (newEmail !== "") {
				const holder = ctx.state.leads.byEmail(ctx.account.id, newEmail);
				if (holder && holder.id !== lead.id) return fail$1(ctx, "leadExists");
			}
			if (lead.deleted) return fail$1(ctx, "leadDeleted");
			const input = readLeadInput(ctx.leadBlock, ctx.state.catalog.fields(ctx.account.id));
			if (isProblem(input)) return fail$1(ctx, input.key, { field: input.field ?? "" });
			if (newGiven !== "" && !isValidEmail(newGiven)) return fail$1(ctx, "invalidValue", { field: "new_email" });
			applyInput(ctx, lead.id, input);
			if (newEmail !== "") ctx.state.leads.update(lead.id, { email: newEmail });
			return withId(reread(ctx, lead.id));
		}
	},
	search_lead: {
		scope: "anchor",
		single: "flat",
		run(ctx) {
			const lead = findLead(ctx, refOf(ctx.leadBlock));
			if (!lead) return fail$1(ctx, "leadNotFound");
			if (lead.deleted) return fail$1(ctx, "leadDeleted");
			const { message } = say("leadFound", ctx.legacy);
			return {
				ok: true,
				entry: {
					status: "Success",
					message,
					lead_details: { id: String(lead.id) }
				},
				lead
			};
		}
	}
};
// src/main/core/sandbox/seed/people.ts
var place = (city, state, zip, tz) => ({
	city,
	state,
	zip,
	tz
});
var words = (s) => s.split(",").map((w) => w.trim());
var COUNTRIES = [
	{
		name: "United States",
		iso2: "US",
		iso3: "USA",
		phone: "1",
		phoneDigits: 10,
		weight: 70,
		numberFirst: true,
		places: [
			place("Austin", "TX", "787##", "America/Chicago"),
			place("Denver", "CO", "802##", "America/Phoenix"),
			place("Portland", "OR", "972##", "America/Los_Angeles"),
			place("Raleigh", "NC", "276##", "America/New_York"),
			place("Boise", "ID", "837##", "America/Boise"),
			place("Chicago", "IL", "606##", "America/Chicago"),
			place("San Diego", "CA", "921##", "America/Los_Angeles"),
			place("Brooklyn", "NY", "112##", "America/New_York"),
			place("Phoenix", "AZ", "850##", "America/Phoenix"),
			place("Indianapolis", "IN", "462##", "America/Indiana/Indianapolis"),
			place("Honolulu", "HI", "968##", "Pacific/Honolulu"),
			place("Juneau", "AK", "998##", "America/Juneau")
		],
		streets: words("Maple Avenue, Oak Street, Cedar Lane, Willow Drive, Lincoln Boulevard, Park Place"),
		first: words("James, Olivia, Michael, Emma, Daniel, Sophia, Tyler, Ashley, Marcus, Jasmine, Kevin, Megan, Brandon, Hannah"),
		last: words("Johnson, Williams, Brown, Miller, Davis, Garcia, Rodriguez, Wilson, Anderson, Thompson, Moore, Jackson")
	},
	{
		name: "Canada",
		iso2: "CA",
		iso3: "CAN",
		phone: "1",
		phoneDigits: 10,
		weight: 16,
		numberFirst: true,
		places: [
			place("Toronto", "ON", "M#A #A#", "America/New_York"),
			place("Vancouver", "BC", "V#A #A#", "America/Los_Angeles"),
			place("Regina", "SK", "S#A #A#", "America/Regina"),
			place("Halifax", "NS", "B#A #A#", "America/Glace_Bay"),
			place("St. John's", "NL", "A#A #A#", "America/St_Johns")
		],
		streets: words("King Street West, Granville Street, Queen Street, Spring Garden Road"),
		first: words("Liam, Chloe, Ethan, Maya, Noah, Zoe, Owen, Avery"),
		last: words("Tremblay, Roy, Gagnon, MacDonald, Campbell, Leblanc, Bouchard, Stewart")
	},
	{
		name: "United Kingdom",
		iso2: "GB",
		iso3: "GBR",
		phone: "44",
		phoneDigits: 10,
		weight: 22,
		numberFirst: true,
		places: [
			place("Manchester", "Greater Manchester", "M# #AA", "Europe/London"),
			place("Bristol", "Bristol", "BS# #AA", "Europe/London"),
			place("Leeds", "West Yorkshire", "LS# #AA", "Europe/London"),
			place("Edinburgh", "Scotland", "EH# #AA", "Europe/London")
		],
		streets: words("High Street, Station Road, Church Lane, Victoria Road"),
		first: words("Oliver, Amelia, Harry, Isla, George, Poppy, Jack, Freya, Charlotte, Alfie"),
		last: words("Smith, Jones, Taylor, Evans, Hughes, Wright, Walker, Robinson, Clarke, Hall")
	},
	{
		name: "Ireland",
		iso2: "IE",
		iso3: "IRL",
		phone: "353",
		phoneDigits: 9,
		weight: 5,
		numberFirst: true,
		places: [place("Dublin", "Leinster", "D## A#A#", "Europe/London"), place("Cork", "Munster", "T## A#A#", "Europe/London")],
		streets: words("Grafton Street, Patrick Street, Main Street"),
		first: words("Seán, Aoife, Cian, Niamh, Conor, Saoirse"),
		last: words("Murphy, Kelly, O'Sullivan, Walsh, Byrne, Ryan")
	},
	{
		name: "Australia",
		iso2: "AU",
		iso3: "AUS",
		phone: "61",
		phoneDigits: 9,
		weight: 16,
		numberFirst: true,
		places: [
			place("Sydney", "NSW", "2###", "Australia/Sydney"),
			place("Melbourne", "VIC", "3###", "Australia/Sydney"),
			place("Brisbane", "QLD", "4###", "Australia/Brisbane"),
			place("Perth", "WA", "6###", "Australia/Perth"),
			place("Adelaide", "SA", "5###", "Australia/Adelaide"),
			place("Hobart", "TAS", "7###", "Australia/Hobart"),
			place("Darwin", "NT", "08##", "Australia/Darwin")
		],
		streets: words("George Street, Collins Street, Queen Street, Hay Street"),
		first: words("Jack, Charlotte, William, Mia, Lachlan, Matilda, Cooper, Ruby"),
		last: words("Smith, Nguyen, Kelly, Mitchell, Harris, Martin, Clarke, Thomson")
	},
	{
		name: "New Zealand",
		iso2: "NZ",
		iso3: "NZL",
		phone: "64",
		phoneDigits: 9,
		weight: 4,
		numberFirst: true,
		places: [place("Auckland", "Auckland", "10##", "Pacific/Auckland"), place("Wellington", "Wellington", "60##", "Pacific/Auckland")],
		streets: words("Queen Street, Lambton Quay, Ponsonby Road"),
		first: words("Mason, Isla, Nikau, Aroha, Hunter, Manaia"),
		last: words("Ngata, Wilson, Te Whare, Campbell, Parata, Young")
	},
	{
		name: "Germany",
		iso2: "DE",
		iso3: "DEU",
		phone: "49",
		phoneDigits: 11,
		weight: 10,
		numberFirst: false,
		places: [
			place("Berlin", "Berlin", "10###", "Europe/Amsterdam"),
			place("Hamburg", "Hamburg", "20###", "Europe/Amsterdam"),
			place("München", "Bayern", "80###", "Europe/Amsterdam"),
			place("Köln", "Nordrhein-Westfalen", "50###", "Europe/Amsterdam")
		],
		streets: words("Hauptstraße, Bahnhofstraße, Gartenstraße, Schillerstraße"),
		first: words("Lukas, Anna, Felix, Lea, Jonas, Sophie, Maximilian, Marie, Jürgen, Katrin"),
		last: words("Müller, Schmidt, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Schäfer, Koch")
	},
	{
		name: "France",
		iso2: "FR",
		iso3: "FRA",
		phone: "33",
		phoneDigits: 9,
		weight: 8,
		numberFirst: true,
		places: [
			place("Paris", "Île-de-France", "750##", "Europe/Brussels"),
			place("Lyon", "Auvergne-Rhône-Alpes", "6900#", "Europe/Brussels"),
			place("Bordeaux", "Nouvelle-Aquitaine", "330##", "Europe/Brussels")
		],
		streets: words("rue de la République, avenue Victor Hugo, rue Pasteur, boulevard Voltaire"),
		first: words("Louis, Camille, Hugo, Léa, Gabriel, Chloé, Arthur, Manon"),
		last: words("Martin, Bernard, Dubois, Lefèvre, Moreau, Laurent, Girard, Rousseau")
	},
	{
		name: "Spain",
		iso2: "ES",
		iso3: "ESP",
		phone: "34",
		phoneDigits: 9,
		weight: 7,
		numberFirst: false,
		places: [
			place("Madrid", "Madrid", "280##", "Europe/Brussels"),
			place("Barcelona", "Cataluña", "080##", "Europe/Brussels"),
			place("Las Palmas", "Canarias", "350##", "Atlantic/Canary")
		],
		streets: words("Calle Mayor, Avenida de la Constitución, Calle del Sol"),
		first: words("Alejandro, Lucía, Pablo, Martina, Javier, Carmen, Sergio, Paula"),
		last: words("García, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Ruiz")
	},
	{
		name: "Italy",
		iso2: "IT",
		iso3: "ITA",
		phone: "39",
		phoneDigits: 10,
		weight: 6,
		numberFirst: false,
		places: [
			place("Milano", "Lombardia", "201##", "Europe/Amsterdam"),
			place("Roma", "Lazio", "001##", "Europe/Amsterdam"),
			place("Bologna", "Emilia-Romagna", "401##", "Europe/Amsterdam")
		],
		streets: words("Via Roma, Corso Italia, Via Garibaldi"),
		first: words("Francesco, Giulia, Alessandro, Sofia, Lorenzo, Chiara, Matteo, Elena"),
		last: words("Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci")
	},
	{
		name: "Netherlands",
		iso2: "NL",
		iso3: "NLD",
		phone: "31",
		phoneDigits: 9,
		weight: 5,
		numberFirst: false,
		places: [place("Amsterdam", "Noord-Holland", "10## AA", "Europe/Amsterdam"), place("Utrecht", "Utrecht", "35## AA", "Europe/Amsterdam")],
		streets: words("Prinsengracht, Kerkstraat, Stationsweg"),
		first: words("Daan, Emma, Sem, Julia, Lars, Fenna"),
		last: words("de Jong, Jansen, de Vries, van den Berg, Bakker, Visser")
	},
	{
		name: "Sweden",
		iso2: "SE",
		iso3: "SWE",
		phone: "46",
		phoneDigits: 9,
		weight: 4,
		numberFirst: false,
		places: [place("Stockholm", "Stockholms län", "1## ##", "Europe/Amsterdam"), place("Göteborg", "Västra Götaland", "4## ##", "Europe/Amsterdam")],
		streets: words("Drottninggatan, Storgatan, Kungsgatan"),
		first: words("Erik, Astrid, Oscar, Ebba, Hugo, Saga"),
		last: words("Andersson, Johansson, Karlsson, Nilsson, Eriksson, Lindqvist")
	},
	{
		name: "Poland",
		iso2: "PL",
		iso3: "POL",
		phone: "48",
		phoneDigits: 9,
		weight: 4,
		numberFirst: false,
		places: [place("Warszawa", "Mazowieckie", "0#-###", "Europe/Sarajevo"), place("Kraków", "Małopolskie", "3#-###", "Europe/Sarajevo")],
		streets: words("ulica Marszałkowska, ulica Floriańska, ulica Długa"),
		first: words("Jakub, Zuzanna, Kacper, Julia, Mateusz, Aleksandra"),
		last: words("Nowak, Kowalski, Wiśniewski, Wójcik, Kamińska, Lewandowska")
	},
	{
		name: "Czechia",
		iso2: "CZ",
		iso3: "CZE",
		phone: "420",
		phoneDigits: 9,
		weight: 2,
		numberFirst: false,
		places: [place("Praha", "Hlavní město Praha", "1## ##", "Europe/Belgrade"), place("Brno", "Jihomoravský kraj", "6## ##", "Europe/Belgrade")],
		streets: words("Národní, Masarykova, Vodičkova"),
		first: words("Jan, Tereza, Tomáš, Eliška, Petr, Klára"),
		last: words("Novák, Svoboda, Dvořák, Černá, Procházková, Veselý")
	},
	{
		name: "Greece",
		iso2: "GR",
		iso3: "GRC",
		phone: "30",
		phoneDigits: 10,
		weight: 2,
		numberFirst: false,
		places: [place("Athens", "Attica", "10# ##", "Europe/Athens"), place("Thessaloniki", "Central Macedonia", "54# ##", "Europe/Athens")],
		streets: words("Ermou, Tsimiski, Panepistimiou"),
		first: words("Giorgos, Maria, Nikos, Eleni, Dimitris, Katerina"),
		last: words("Papadopoulos, Georgiou, Nikolaou, Papadaki, Ioannou, Vlachos")
	},
	{
		name: "Finland",
		iso2: "FI",
		iso3: "FIN",
		phone: "358",
		phoneDigits: 9,
		weight: 2,
		numberFirst: false,
		places: [place("Helsinki", "Uusimaa", "00###", "Europe/Helsinki"), place("Tampere", "Pirkanmaa", "33###", "Europe/Helsinki")],
		streets: words("Mannerheimintie, Hämeenkatu, Aleksanterinkatu"),
		first: words("Mikko, Aino, Juho, Venla, Eetu, Helmi"),
		last: words("Korhonen, Virtanen, Mäkinen, Nieminen, Laine, Heikkinen")
	},
	{
		name: "Romania",
		iso2: "RO",
		iso3: "ROU",
		phone: "40",
		phoneDigits: 9,
		weight: 2,
		numberFirst: false,
		places: [place("București", "București", "0#####", "Europe/Bucharest"), place("Cluj-Napoca", "Cluj", "400###", "Europe/Bucharest")],
		streets: words("Calea Victoriei, Strada Memorandumului, Bulevardul Eroilor"),
		first: words("Andrei, Ioana, Mihai, Elena, Alexandru, Ana"),
		last: words("Popescu, Ionescu, Popa, Stan, Dumitrescu, Constantin")
	},
	{
		name: "Portugal",
		iso2: "PT",
		iso3: "PRT",
		phone: "351",
		phoneDigits: 9,
		weight: 2,
		numberFirst: false,
		places: [place("Lisboa", "Lisboa", "1###-###", "Europe/London"), place("Ponta Delgada", "Açores", "9500-###", "Atlantic/Azores")],
		streets: words("Rua Augusta, Avenida da Liberdade, Rua do Carmo"),
		first: words("João, Beatriz, Tiago, Inês, Rodrigo, Mariana"),
		last: words("Silva, Santos, Ferreira, Pereira, Oliveira, Costa")
	},
	{
		name: "Brazil",
		iso2: "BR",
		iso3: "BRA",
		phone: "55",
		phoneDigits: 11,
		weight: 7,
		numberFirst: false,
		places: [
			place("São Paulo", "SP", "0####-###", "America/Sao_Paulo"),
			place("Rio de Janeiro", "RJ", "2####-###", "America/Sao_Paulo"),
			place("Belo Horizonte", "MG", "3####-###", "America/Sao_Paulo")
		],
		streets: words("Avenida Paulista, Rua Oscar Freire, Rua das Flores"),
		first: words("Lucas, Ana, Gabriel, Beatriz, Rafael, Larissa, Thiago, Camila"),
		last: words("Silva, Souza, Oliveira, Lima, Carvalho, Almeida, Ribeiro, Barbosa")
	},
	{
		name: "Mexico",
		iso2: "MX",
		iso3: "MEX",
		phone: "52",
		phoneDigits: 10,
		weight: 5,
		numberFirst: false,
		places: [
			place("Ciudad de México", "CDMX", "0####", "America/Mexico_City"),
			place("Guadalajara", "Jalisco", "44###", "America/Mexico_City"),
			place("Chihuahua", "Chihuahua", "31###", "America/Chihuahua")
		],
		streets: words("Avenida Reforma, Calle Madero, Avenida Juárez"),
		first: words("Diego, Valentina, Santiago, Regina, Emiliano, Ximena"),
		last: words("Hernández, González, Ramírez, Flores, Torres, Vázquez")
	},
	{
		name: "Argentina",
		iso2: "AR",
		iso3: "ARG",
		phone: "54",
		phoneDigits: 10,
		weight: 3,
		numberFirst: false,
		places: [place("Buenos Aires", "CABA", "C1###AAA", "America/Argentina/Buenos_Aires"), place("Córdoba", "Córdoba", "X5###AAA", "America/Argentina/Buenos_Aires")],
		streets: words("Avenida Corrientes, Calle Florida, Avenida Santa Fe"),
		first: words("Mateo, Sofía, Joaquín, Catalina, Tomás, Florencia"),
		last: words("González, Rodríguez, Fernández, Gómez, Díaz, Álvarez")
	},
	{
		name: "Colombia",
		iso2: "CO",
		iso3: "COL",
		phone: "57",
		phoneDigits: 10,
		weight: 3,
		numberFirst: false,
		places: [place("Bogotá", "Cundinamarca", "110###", "America/Bogota"), place("Medellín", "Antioquia", "050###", "America/Bogota")],
		streets: words("Carrera Séptima, Calle 85, Avenida El Poblado"),
		first: words("Samuel, Mariana, Juan Pablo, Isabella, Andrés, Daniela"),
		last: words("Rodríguez, Martínez, Castro, Ortiz, Restrepo, Vargas")
	},
	{
		name: "Chile",
		iso2: "CL",
		iso3: "CHL",
		phone: "56",
		phoneDigits: 9,
		weight: 2,
		numberFirst: false,
		places: [place("Santiago", "Región Metropolitana", "75#####", "America/Santiago")],
		streets: words("Avenida Providencia, Calle Huérfanos"),
		first: words("Benjamín, Agustina, Vicente, Antonia"),
		last: words("Muñoz, Rojas, Soto, Contreras")
	},
	{
		name: "India",
		iso2: "IN",
		iso3: "IND",
		phone: "91",
		phoneDigits: 10,
		weight: 9,
		numberFirst: true,
		places: [
			place("Bengaluru", "Karnataka", "560###", "Asia/Kolkata"),
			place("Mumbai", "Maharashtra", "400###", "Asia/Kolkata"),
			place("Pune", "Maharashtra", "411###", "Asia/Kolkata"),
			place("New Delhi", "Delhi", "110###", "Asia/Kolkata")
		],
		streets: words("MG Road, Linking Road, FC Road, Residency Road"),
		first: words("Aarav, Priya, Rohan, Ananya, Vikram, Kavya, Arjun, Sneha"),
		last: words("Sharma, Patel, Iyer, Reddy, Gupta, Nair, Mehta, Kapoor")
	},
	{
		name: "Pakistan",
		iso2: "PK",
		iso3: "PAK",
		phone: "92",
		phoneDigits: 10,
		weight: 2,
		numberFirst: true,
		places: [place("Karachi", "Sindh", "7####", "Asia/Karachi"), place("Lahore", "Punjab", "54###", "Asia/Karachi")],
		streets: words("Shahrah-e-Faisal, Mall Road, Zamzama Boulevard"),
		first: words("Ahmed, Ayesha, Bilal, Fatima, Hamza, Zainab"),
		last: words("Khan, Qureshi, Siddiqui, Malik, Chaudhry, Sheikh")
	},
	{
		name: "Singapore",
		iso2: "SG",
		iso3: "SGP",
		phone: "65",
		phoneDigits: 8,
		weight: 3,
		numberFirst: true,
		places: [place("Singapore", "", "######", "Asia/Kuala_Lumpur")],
		streets: words("Orchard Road, Tanjong Pagar Road, Bukit Timah Road"),
		first: words("Wei Ling, Jun Jie, Hui Min, Marcus, Shu Fen, Darren"),
		last: words("Tan, Lim, Lee, Ng, Ong, Wong")
	},
	{
		name: "Philippines",
		iso2: "PH",
		iso3: "PHL",
		phone: "63",
		phoneDigits: 10,
		weight: 4,
		numberFirst: true,
		places: [place("Makati", "Metro Manila", "12##", "Asia/Kuala_Lumpur"), place("Cebu City", "Cebu", "60##", "Asia/Kuala_Lumpur")],
		streets: words("Ayala Avenue, Osmeña Boulevard, Jupiter Street"),
		first: words("Miguel, Angelica, Paolo, Kristine, Carlo, Patricia"),
		last: words("Santos, Reyes, Cruz, Bautista, Villanueva, Mendoza")
	},
	{
		name: "Japan",
		iso2: "JP",
		iso3: "JPN",
		phone: "81",
		phoneDigits: 10,
		weight: 3,
		numberFirst: false,
		places: [place("Tokyo", "Tokyo", "1##-####", "Asia/Tokyo"), place("Osaka", "Osaka", "5##-####", "Asia/Tokyo")],
		streets: words("Shibuya 2-chome, Umeda 1-chome, Ginza 4-chome"),
		first: words("Haruto, Yui, Sota, Hina, Ren, Aoi"),
		last: words("Sato, Suzuki, Takahashi, Tanaka, Watanabe, Yamamoto")
	},
	{
		name: "South Korea",
		iso2: "KR",
		iso3: "KOR",
		phone: "82",
		phoneDigits: 10,
		weight: 2,
		numberFirst: false,
		places: [place("Seoul", "Seoul", "0####", "Asia/Seoul"), place("Busan", "Busan", "4####", "Asia/Seoul")],
		streets: words("Teheran-ro, Gangnam-daero, Haeundae-ro"),
		first: words("Min-jun, Seo-yeon, Ji-ho, Ha-eun, Do-yun, Ji-woo"),
		last: words("Kim, Lee, Park, Choi, Jung, Kang")
	},
	{
		name: "Taiwan",
		iso2: "TW",
		iso3: "TWN",
		phone: "886",
		phoneDigits: 9,
		weight: 1,
		numberFirst: false,
		places: [place("Taipei", "Taipei City", "1##", "Asia/Taipei")],
		streets: words("Zhongxiao East Road, Dunhua South Road"),
		first: words("Yu-ting, Chih-hao, Pei-shan, Wei-lun"),
		last: words("Chen, Lin, Huang, Chang")
	},
	{
		name: "China",
		iso2: "CN",
		iso3: "CHN",
		phone: "86",
		phoneDigits: 11,
		weight: 1,
		numberFirst: false,
		places: [place("Shanghai", "Shanghai", "200###", "Asia/Shanghai"), place("Shenzhen", "Guangdong", "518###", "Asia/Shanghai")],
		streets: words("Nanjing Road, Shennan Avenue"),
		first: words("Wei, Fang, Hao, Jing"),
		last: words("Wang, Li, Zhang, Liu")
	},
	{
		name: "Thailand",
		iso2: "TH",
		iso3: "THA",
		phone: "66",
		phoneDigits: 9,
		weight: 2,
		numberFirst: true,
		places: [place("Bangkok", "Bangkok", "10###", "Asia/Bangkok"), place("Chiang Mai", "Chiang Mai", "50###", "Asia/Bangkok")],
		streets: words("Sukhumvit Road, Silom Road, Nimmanhaemin Road"),
		first: words("Somchai, Nattaya, Anan, Siriporn, Kittisak, Pimchanok"),
		last: words("Saetang, Wongsawat, Chaiyaporn, Srisuk, Boonmee, Rattanakorn")
	},
	{
		name: "United Arab Emirates",
		iso2: "AE",
		iso3: "ARE",
		phone: "971",
		phoneDigits: 9,
		weight: 3,
		numberFirst: true,
		places: [place("Dubai", "Dubai", "", "Asia/Dubai"), place("Abu Dhabi", "Abu Dhabi", "", "Asia/Dubai")],
		streets: words("Sheikh Zayed Road, Al Wasl Road, Corniche Road"),
		first: words("Omar, Mariam, Khalid, Noor, Yousef, Layla"),
		last: words("Al Mansoori, Al Hashimi, Haddad, Nasser, Al Falasi, Saleh")
	},
	{
		name: "Saudi Arabia",
		iso2: "SA",
		iso3: "SAU",
		phone: "966",
		phoneDigits: 9,
		weight: 1,
		numberFirst: true,
		places: [place("Riyadh", "Riyadh", "1####", "Asia/Kuwait")],
		streets: words("King Fahd Road, Olaya Street"),
		first: words("Abdullah, Sara, Faisal, Reem"),
		last: words("Al Otaibi, Al Qahtani, Al Ghamdi, Al Harbi")
	},
	{
		name: "Israel",
		iso2: "IL",
		iso3: "ISR",
		phone: "972",
		phoneDigits: 9,
		weight: 2,
		numberFirst: false,
		places: [place("Tel Aviv", "Tel Aviv", "6######", "Asia/Jerusalem"), place("Haifa", "Haifa", "3######", "Asia/Jerusalem")],
		streets: words("Rothschild Boulevard, Dizengoff Street, HaNassi Avenue"),
		first: words("Noa, Itai, Tamar, Yonatan, Maya, Omer"),
		last: words("Cohen, Levi, Mizrahi, Peretz, Biton, Friedman")
	},
	{
		name: "Egypt",
		iso2: "EG",
		iso3: "EGY",
		phone: "20",
		phoneDigits: 10,
		weight: 2,
		numberFirst: true,
		places: [place("Cairo", "Cairo", "11###", "Africa/Cairo"), place("Alexandria", "Alexandria", "21###", "Africa/Cairo")],
		streets: words("Tahrir Street, Corniche El Nil, Talaat Harb Street"),
		first: words("Mohamed, Nour, Karim, Salma, Youssef, Habiba"),
		last: words("Hassan, Mostafa, Ibrahim, Abdelrahman, Farouk, Mansour")
	},
	{
		name: "Morocco",
		iso2: "MA",
		iso3: "MAR",
		phone: "212",
		phoneDigits: 9,
		weight: 1,
		numberFirst: true,
		places: [place("Casablanca", "Casablanca-Settat", "20###", "Africa/Casablanca")],
		streets: words("Boulevard Mohammed V, Rue Tahar Sebti"),
		first: words("Yassine, Salma, Amine, Imane"),
		last: words("El Amrani, Benali, Alaoui, Idrissi")
	},
	{
		name: "Nigeria",
		iso2: "NG",
		iso3: "NGA",
		phone: "234",
		phoneDigits: 10,
		weight: 4,
		numberFirst: true,
		places: [place("Lagos", "Lagos", "100###", "Africa/Algiers"), place("Abuja", "FCT", "900###", "Africa/Algiers")],
		streets: words("Awolowo Road, Adeola Odeku Street, Aminu Kano Crescent"),
		first: words("Chinedu, Ngozi, Tunde, Funmilayo, Emeka, Aisha"),
		last: words("Okafor, Adeyemi, Balogun, Eze, Okonkwo, Bello")
	},
	{
		name: "Kenya",
		iso2: "KE",
		iso3: "KEN",
		phone: "254",
		phoneDigits: 9,
		weight: 3,
		numberFirst: true,
		places: [place("Nairobi", "Nairobi County", "00###", "Africa/Nairobi"), place("Mombasa", "Mombasa County", "80###", "Africa/Nairobi")],
		streets: words("Kenyatta Avenue, Moi Avenue, Ngong Road"),
		first: words("Brian, Wanjiru, Kevin, Achieng, Dennis, Faith"),
		last: words("Otieno, Mwangi, Kamau, Njoroge, Wanjiku, Ochieng")
	},
	{
		name: "South Africa",
		iso2: "ZA",
		iso3: "ZAF",
		phone: "27",
		phoneDigits: 9,
		weight: 4,
		numberFirst: true,
		places: [place("Cape Town", "Western Cape", "8###", "Africa/Harare"), place("Johannesburg", "Gauteng", "2###", "Africa/Harare")],
		streets: words("Long Street, Jan Smuts Avenue, Kloof Street"),
		first: words("Thabo, Lerato, Sipho, Naledi, Pieter, Anneke"),
		last: words("Nkosi, Dlamini, van der Merwe, Botha, Mokoena, Naidoo")
	}
];
var BY_NAME = new Map(COUNTRIES.map((c) => [c.name.toLowerCase(), c]));
/** ISO codes of a country name, for get_transaction_details (empty when unknown). */
function countryCodes(name) {
	const c = BY_NAME.get(name.trim().toLowerCase());
	return c ? {
		iso2: c.iso2,
		iso3: c.iso3
	} : {
		iso2: "",
		iso3: ""
	};
}
/** Companies leads work for (fictional). */
var COMPANIES = words("Brightside Bakery, Northwind Outfitters, Harbor & Pine Studio, Summit Peak Coaching, Bluebird Analytics, Copperleaf Interiors, Evergreen Wellness, Fieldstone Legal, Lighthouse Dental, Maple Grove Realty, Nimbus Software, Oakridge Fitness, Paper Crane Design, Redwood Consulting, Silver Lining Events, Tidewater Yoga, Urban Sprout Farms, Velvet Fox Boutique, Westbrook Accounting, Yellowstone Photography, Kite & Key Marketing, Atlas Tutoring, Bramble Skincare, Cobalt Web Works, Driftwood Travel, Ember Coffee Roasters, Foxglove Florist, Granite Ridge Builders, Honeycomb Kids Club, Ironwood Garage");
/** Non-deliverable demo domains (RFC 2606 reserves example.*), so no real mailbox is ever addressed. */
var EMAIL_DOMAINS = [
	"example.com",
	"example.org",
	"example.net",
	"mail.example.com",
	"inbox.example.org"
];
// src/main/core/sandbox/commands/payment-commands.ts
var money$1 = (n) => Math.round(n * 100) / 100;
var orNA$1 = (v) => v === null || v === "" ? "N/A" : v;
function findTransaction(ctx, raw) {
	const id = text(raw);
	return isDigits(id) ? ctx.state.payments.transaction(ctx.account.id, Number(id)) : void 0;
}
var account$1 = (run, single = "envelope") => ({
	scope: "account",
	single,
	run
});
/** Flat `{"status":"Success","message":"Transaction exists"}` — documented without a type. */
var searchTransaction = account$1((ctx, a) => {
	if (!findTransaction(ctx, a.transaction_id)) return fail$1(ctx, "transactionMissing");
	return succeed(ctx, "transactionExists");
}, "flat");
/**
* The documented sale fields plus, [U], the IPN-style fields kartra-api.md §12.2 lists as likely.
* [U] Wrapped under the cmd inside `actions`, like get_subscription_details.
*/
var getTransactionDetails = account$1((ctx, a) => {
	const t = findTransaction(ctx, a.transaction_id);
	if (!t) return fail$1(ctx, "transactionMissing");
	const { leads, payments } = ctx.state;
	const lead = leads.byId(ctx.account.id, t.lead_id);
	const product = payments.productById(t.product_id);
	const codes = countryCodes(lead?.country ?? "");
	const sub = t.subscription_id === null ? void 0 : payments.subscription(ctx.account.id, t.subscription_id);
	return {
		ok: true,
		entry: {
			status: "Success",
			transaction_details: {
				transaction_id: String(t.id),
				lead_first_name: lead?.first_name ?? "",
				lead_last_name: lead?.last_name ?? "",
				lead_email: lead?.email ?? "",
				lead_id: String(t.lead_id),
				lead_username: "",
				lead_country: lead?.country ?? "",
				lead_country_code_2: codes.iso2,
				lead_country_code_3: codes.iso3,
				lead_state: lead?.state ?? "",
				lead_phone_country_code: lead?.phone_country_code ?? "",
				lead_phone_number: lead?.phone ?? "",
				lead_address: lead?.address ?? "",
				lead_city: lead?.city ?? "",
				lead_zip: lead?.zip ?? "",
				product_name: product?.name ?? "",
				product_id: String(t.product_id),
				product_price_point: String(t.price_point_id),
				transaction_full_amount: t.full_amount,
				transaction_quantity: t.quantity,
				transaction_affiliate: orNA$1(t.affiliate),
				transaction_base_amount: t.base_amount,
				transaction_discount: t.discount,
				transaction_shipping: t.shipping,
				transaction_tax: t.tax,
				transaction_date: formatEst(t.date),
				transaction_type: t.type,
				transaction_parent_id: t.parent_id === null ? "N/A" : String(t.parent_id),
				transaction_jv: orNA$1(t.jv),
				transaction_subscription_id: sub ? sub.gateway_subscription_id : "N/A",
				transaction_internal_subscription_id: sub ? String(sub.id) : "N/A",
				transaction_last_4_card_digits: t.last4
			}
		}
	};
});
/**
* Documented order 247 → 250 → 251 → 253, then 268 (amount) before 266: the gateway's refusal can only come
* after the request itself was valid. [U] `transaction_refunded` is the id of the new refund transaction.
*/
var refundTransaction = account$1((ctx, a) => {
	const t = findTransaction(ctx, a.transaction_id);
	if (!t) return fail$1(ctx, "transactionMissing");
	const product = ctx.state.payments.productById(t.product_id);
	const now = ctx.state.clock.now();
	if (t.date + (product?.refund_days ?? 0) * 864e5 < now) return fail$1(ctx, "outsideRefund");
	if ((t.type === "sale" || t.type === "rebill") && t.refunded_amount >= t.full_amount) return fail$1(ctx, "alreadyRefunded");
	if (t.type !== "sale" && t.type !== "rebill" || t.is_test) return fail$1(ctx, "notRefundable");
	const remaining = money$1(t.full_amount - t.refunded_amount);
	const given = a.refund_amount === void 0 ? "" : text(a.refund_amount);
	if (a.refund_amount !== void 0 && typeof a.refund_amount !== "string") return fail$1(ctx, "badAmount");
	let amount = remaining;
	if (given !== "") {
		if (!/^\d+(\.\d{1,2})?$/.test(given)) return fail$1(ctx, "badAmount");
		amount = Number(given);
		if (amount <= 0 || amount > remaining) return fail$1(ctx, "badAmount");
	}
	if (t.refund_fails) return fail$1(ctx, "refundFailed");
	const full = amount === remaining && t.refunded_amount === 0;
	const { id: _originalId, ...original } = t;
	const refundId = ctx.state.payments.insertTransaction({
		...original,
		type: full ? "refund" : "partial_refund",
		parent_id: t.id,
		date: now,
		base_amount: amount,
		discount: 0,
		shipping: 0,
		tax: 0,
		full_amount: amount,
		refunded_amount: 0,
		refund_fails: 0
	});
	ctx.state.payments.addRefunded(t.id, amount);
	return {
		ok: true,
		entry: {
			status: "Success",
			transaction_refunded: String(refundId)
		}
	};
});
/**
* Cancels the recurring subscription behind a transaction (`transaction_id`) or given directly
* (`transaction_internal_subscription_id`; the 2020 docs' gateway-side `transaction_subscription_id` is also read).
* Order 248 → 249 → 252 → 253 → 267. [U] An unknown transaction_id answers 247, the code that names it.
*/
var cancelTransaction = account$1((ctx, a) => {
	const { payments } = ctx.state;
	let transaction;
	let subscriptionId = null;
	if (text(a.transaction_id) !== "") {
		transaction = findTransaction(ctx, a.transaction_id);
		if (!transaction) return fail$1(ctx, "transactionMissing");
		subscriptionId = transaction.subscription_id;
		if (subscriptionId === null) return fail$1(ctx, "notLinked");
	}
	const internal = text(a.transaction_internal_subscription_id);
	const gatewayId = text(a.transaction_subscription_id);
	const sub = subscriptionId !== null ? payments.subscription(ctx.account.id, subscriptionId) : isDigits(internal) ? payments.subscription(ctx.account.id, Number(internal)) : gatewayId !== "" ? payments.subscriptionByGatewayId(ctx.account.id, gatewayId) : void 0;
	if (!sub) return fail$1(ctx, "subscriptionMissing");
	if (sub.status === "Cancelled" || sub.status === "Terminated") return fail$1(ctx, "alreadyCancelled");
	if (transaction && (transaction.type !== "sale" && transaction.type !== "rebill" || transaction.is_test)) return fail$1(ctx, "notRefundable");
	if (sub.cancel_fails) return fail$1(ctx, "cancelFailed");
	cancelSubscription(ctx, sub.id);
	return {
		ok: true,
		entry: {
			status: "Success",
			transaction_subscription_id: sub.gateway_subscription_id,
			transaction_internal_subscription_id: String(sub.id)
		}
	};
});
/** Marks a subscription cancelled and records the cancellation transaction. */
function cancelSubscription(ctx, subscriptionId) {
	const { payments } = ctx.state;
	const sub = payments.subscription(ctx.account.id, subscriptionId);
	if (!sub) throw new Error(`subscription ${subscriptionId} vanished`);
	const now = ctx.state.clock.now();
	payments.updateSubscription(sub.id, {
		status: "Cancelled",
		end_date: now,
		next_payment_date: null
	});
	payments.insertTransaction({
		account_id: sub.account_id,
		lead_id: sub.lead_id,
		type: "cancellation",
		product_id: sub.product_id,
		price_point_id: sub.price_point_id,
		subscription_id: sub.id,
		parent_id: null,
		date: now,
		base_amount: 0,
		discount: 0,
		shipping: 0,
		tax: 0,
		full_amount: 0,
		quantity: sub.quantity,
		affiliate: sub.affiliate,
		jv: sub.jv,
		last4: "",
		is_test: 0,
		refunded_amount: 0,
		refund_fails: 0
	});
}
var PAYMENT_COMMANDS = {
	search_transaction: searchTransaction,
	get_transaction_details: getTransactionDetails,
	refund_transaction: refundTransaction,
	cancel_transaction: cancelTransaction,
	retrieve_transactions_from_lead: {
		scope: "lead",
		single: "envelope",
		run(ctx) {
			const lead = ctx.lead;
			return {
				ok: true,
				entry: {
					status: "Success",
					transaction_list: ctx.state.payments.transactionsOfLead(lead.id).map((t) => ({
						transaction_id: String(t.id),
						lead_id: String(lead.id),
						lead_email: lead.email,
						transaction_type: t.type
					}))
				}
			};
		}
	}
};
// src/main/core/sandbox/commands/subscription-commands.ts
function findSubscription(ctx, raw) {
	const id = text(raw);
	return isDigits(id) ? ctx.state.payments.subscription(ctx.account.id, Number(id)) : void 0;
}
var PERIODS = [
	"monthly",
	"every 2 months",
	"quarterly",
	"yearly",
	"every 2 years",
	"weekly",
	"every 2 weeks"
];
var PERIODS_RI_1 = [
	"monthly",
	"every 2 months",
	"weekly",
	"every 2 weeks"
];
var PERIODS_RI_2 = ["yearly", "every 2 years"];
var money = (n) => Math.round(n * 100) / 100;
var orNA = (v) => v === null || v === "" ? "N/A" : v;
function details(ctx, s) {
	const open = s.status === "Active";
	const ended = s.status === "Cancelled" || s.status === "Terminated";
	return {
		subscription_id: String(s.id),
		subscription_product_id: String(s.product_id),
		subscription_price_point: String(s.price_point_id),
		subscription_lead_id: String(s.lead_id),
		subscription_start_date: formatEst(s.start_date),
		subscription_end_date: ended && s.end_date !== null ? formatEst(s.end_date) : ZERO_DATE,
		subscription_current_installment: s.current_installment,
		subscription_installments_left: s.installments_left === null ? "Until cancelled" : s.installments_left,
		subscription_recurring_period: s.recurring_period,
		subscription_status: s.status,
		subscription_next_payment_date: !ended && s.next_payment_date !== null ? formatEst(s.next_payment_date) : "N/A",
		subscription_next_scheduled_payment_amount: open ? money(s.amount * s.quantity * (1 + s.tax_percent / 100)) : "N/A",
		subscription_affiliate: orNA(s.affiliate),
		subscription_jv: orNA(s.jv)
	};
}
var account = (run, single = "envelope") => ({
	scope: "account",
	single,
	run
});
/** [U] Params and success mirror search_transaction (kartra-api.md §12.5). */
var searchSubscription = account((ctx, a) => {
	if (!findSubscription(ctx, a.subscription_id)) return fail$1(ctx, "subscriptionMissing");
	return succeed(ctx, "subscriptionExists");
}, "flat");
var getSubscriptionDetails = account((ctx, a) => {
	const s = findSubscription(ctx, a.subscription_id);
	if (!s) return fail$1(ctx, "subscriptionMissing");
	return {
		ok: true,
		entry: {
			status: "Success",
			subscription_details: details(ctx, s)
		}
	};
});
/**
* 248 → 274 → 284 (PayPal: only cancel) → 252 (cancel of a cancelled one) → 275 (any other change of a
* cancelled/terminated one) → 267. 252 is checked before 275 because it is the more specific answer.
* [U] Pausing a paused or unpausing an active subscription succeeds without change.
*/
var modifySubscriptionStatus = account((ctx, a) => {
	const s = findSubscription(ctx, a.subscription_id);
	if (!s) return fail$1(ctx, "subscriptionMissing");
	const change = text(a.subscription_status_modification);
	if (change !== "cancel" && change !== "pause" && change !== "unpause") return fail$1(ctx, "wrongStatus");
	if (s.gateway === "paypal" && change !== "cancel") return fail$1(ctx, "paypal");
	if (change === "cancel" && s.status === "Cancelled") return fail$1(ctx, "alreadyCancelled");
	if (s.status === "Cancelled" || s.status === "Terminated") return fail$1(ctx, "notUpdatable");
	if (change === "cancel") {
		if (s.cancel_fails) return fail$1(ctx, "cancelFailed");
		cancelSubscription(ctx, s.id);
	} else ctx.state.payments.updateSubscription(s.id, { status: change === "pause" ? "Paused" : "Active" });
	return succeed(ctx, "subscriptionModified");
});
var EDITABLE = [
	"subscription_product_id",
	"subscription_price_point",
	"subscription_next_payment_date",
	"subscription_amount",
	"subscription_recurrence",
	"subscription_product_quantity",
	"subscription_installments_left",
	"subscription_tax_percent"
];
var DECIMAL = /^\d+(\.\d+)?$/;
var SUBSCRIPTION_COMMANDS = {
	search_subscription: searchSubscription,
	get_subscription_details: getSubscriptionDetails,
	modify_subscription_status: modifySubscriptionStatus,
	edit_subscription: account((ctx, a) => {
		const { payments } = ctx.state;
		const s = findSubscription(ctx, a.subscription_id);
		if (!s) return fail$1(ctx, "subscriptionMissing");
		if (s.gateway === "paypal") return fail$1(ctx, "paypal");
		if (s.status === "Cancelled" || s.status === "Terminated") return fail$1(ctx, "notUpdatable");
		const sent = (k) => a[k] !== void 0 && a[k] !== "";
		if (!EDITABLE.some(sent)) return fail$1(ctx, "nothingToEdit");
		const changes = {};
		let kind = payments.pricePointById(s.price_point_id)?.kind ?? "recurring";
		let locked = payments.pricePointById(s.price_point_id)?.recurrence_locked === 1;
		if (sent("subscription_product_id") || sent("subscription_price_point")) {
			const productId = text(a.subscription_product_id);
			const pointId = text(a.subscription_price_point);
			const product = isDigits(productId) ? payments.product(ctx.account.id, Number(productId)) : void 0;
			const point = product && isDigits(pointId) ? payments.pricePoint(product.id, Number(pointId)) : void 0;
			if (!product || !point || point.kind === "one_time") return fail$1(ctx, "badProduct");
			changes.product_id = product.id;
			changes.price_point_id = point.id;
			changes.amount = point.amount;
			kind = point.kind;
			locked = point.recurrence_locked === 1;
		}
		if (sent("subscription_product_quantity")) {
			const q = text(a.subscription_product_quantity);
			if (!isDigits(q)) return fail$1(ctx, "badNumber");
			if (Number(q) < 1 || Number(q) > 9999) return fail$1(ctx, "quantityRange");
			changes.quantity = Number(q);
		}
		if (sent("subscription_amount")) {
			const amount = text(a.subscription_amount);
			if (!DECIMAL.test(amount)) return fail$1(ctx, "badAmount");
			if (Number(amount) < 1 || Number(amount) > 9999.99) return fail$1(ctx, "priceRange");
			changes.amount = money(Number(amount));
		}
		if (sent("subscription_recurrence")) {
			const r = a.subscription_recurrence;
			if (!isRecord(r)) return fail$1(ctx, "badPeriod");
			const p1 = text(r.recurring_period_1);
			const p2 = text(r.recurring_period_2);
			if (kind === "recurring_installments") {
				if (p1 !== "" && !PERIODS_RI_1.includes(p1) || p2 !== "" && !PERIODS_RI_2.includes(p2)) return fail$1(ctx, "badPeriod");
				if (p1 === "" && p2 === "") return fail$1(ctx, "badPeriod");
			} else if (p1 === "" || !PERIODS.includes(p1) || p2 !== "") return fail$1(ctx, "badPeriod");
			if (locked) return fail$1(ctx, "recurrenceLocked");
			if (p1 !== "") changes.recurring_period = p1;
			if (p2 !== "") changes.recurring_period_2 = p2;
		}
		if (sent("subscription_installments_left")) {
			const left = text(a.subscription_installments_left).trim();
			if (left.toLowerCase() === "until cancelled") {
				if (kind === "installments") return fail$1(ctx, "badInstallments");
				changes.installments_left = null;
			} else {
				if (!isDigits(left)) return fail$1(ctx, "badNumber");
				if (Number(left) < 1 || Number(left) > 999) return fail$1(ctx, "badInstallments");
				changes.installments_left = Number(left);
			}
		}
		if (sent("subscription_tax_percent")) {
			const tax = text(a.subscription_tax_percent);
			if (!DECIMAL.test(tax)) return fail$1(ctx, "badNumber");
			if (Number(tax) > 100) return fail$1(ctx, "taxRange");
			changes.tax_percent = Number(tax);
		}
		if (sent("subscription_next_payment_date")) {
			const at = parseEstDateTime(text(a.subscription_next_payment_date));
			if (at === null) return fail$1(ctx, "badDate");
			if (at < ctx.state.clock.now()) return fail$1(ctx, "pastDate");
			changes.next_payment_date = at;
		}
		payments.updateSubscription(s.id, changes);
		return succeed(ctx, "subscriptionModified");
	}),
	retrieve_subscriptions_from_lead: {
		scope: "lead",
		single: "envelope",
		run(ctx) {
			const lead = ctx.lead;
			return {
				ok: true,
				entry: {
					status: "Success",
					subscriptions_list: ctx.state.payments.subscriptionsOfLead(lead.id).map((s) => ({
						subscription_id: String(s.id),
						lead_id: String(lead.id),
						lead_email: lead.email,
						subscription_status: s.status
					}))
				}
			};
		}
	}
};
// src/main/core/sandbox/commands/registry.ts
var COMMANDS = {
	...LEAD_COMMANDS,
	...ACTION_COMMANDS,
	...ACCOUNT_COMMANDS,
	...PAYMENT_COMMANDS,
	...SUBSCRIPTION_COMMANDS
};
var commandSpec = (cmd) => Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : void 0;
// src/main/core/sandbox/process-request.ts
var errorBody = (s) => ({
	status: "Error",
	message: s.message,
	type: s.type
});
/**
* Global checks, first failure answers (flat error body):
* 201 → 238/239/240 → 202/203/233/204 → 242 → structure 223/236/224/254 → chain order (invented 291)
* → 262 (unknown cmd or a write by a read-only app) → 206 → command-specific.
*/
function processRequest(state, params, remoteIp, settings) {
	const { legacy } = settings;
	const error = (key) => errorBody(say(key, legacy));
	if (settings.simulateInsecure) return error("insecure");
	const caller = checkCredentials(params, remoteIp, state.catalog, legacy);
	if (isSaid(caller)) return errorBody(caller);
	if (params.lead !== void 0 && typeof params.lead !== "object") return error("leadNotArray");
	const getLead = params.get_lead;
	if (getLead !== void 0 && typeof getLead !== "object") return error("getLeadNotArray");
	const list = params.actions === void 0 ? [] : asList(params.actions);
	if (list === null) return error("actionsNotArray");
	const actions = [];
	for (const a of list) {
		if (!isRecord(a) || text(a.cmd) === "") return error("cmdRequired");
		actions.push(a);
	}
	if (getLead === void 0 && actions.length === 0) return error("cmdRequired");
	if (getLead !== void 0) {
		if (!hasRef(refOf(getLead))) return error("leadRequired");
		return state.db.transaction(() => {
			state.leads.expirePoints(caller.account.id, state.clock.now());
			return readLead(state, caller.account, getLead, settings);
		});
	}
	const specs = actions.map((a) => ({
		cmd: text(a.cmd),
		spec: commandSpec(text(a.cmd))
	}));
	if (specs.slice(1).some((s) => s.spec?.scope === "anchor")) return error("chainOrder");
	for (const s of specs) if (!s.spec || caller.appReadOnly && !READ_COMMANDS.has(s.cmd)) return error("noPermission");
	const ref = refOf(params.lead);
	if (specs[0].cmd === "create_lead" ? ref.email === "" : specs.some((s) => s.spec.scope !== "account") && !hasRef(ref)) return error("leadRequired");
	return state.db.transaction(() => {
		state.leads.expirePoints(caller.account.id, state.clock.now());
		return runChain(state, caller.account, params, actions, settings);
	});
}
function readLead(state, account, getLead, settings) {
	const lead = findLead({
		state,
		account,
		testMode: settings.testMode
	}, refOf(getLead));
	if (!lead) return errorBody(say("getLeadNotFound", settings.legacy));
	if (lead.deleted) return errorBody(say("leadDeleted", settings.legacy));
	return {
		status: "Success",
		lead_details: leadDetails(state, account, lead)
	};
}
/**
* Runs the actions in order on one lead. actions[0] failing ends the call; later failures end it too with
* chainFailure 'stop', or are reported per action with 'continue'.
* Shapes: one action → its documented body (flat entry, or the `actions` envelope for create/edit and the
* payment data commands), or a flat error. Several → `{"status":"Success","actions":[{cmd: entry}, …]}`; when the
* call stopped on a failure → `{"status":"Error","message":…,"type":…,"actions":[…entries up to and including
* the failing one]}` ([U]: chain failure semantics are undocumented, kartra-api.md §14.8).
*/
function runChain(state, account, params, actions, settings) {
	const ctx = {
		state,
		account,
		legacy: settings.legacy,
		testMode: settings.testMode,
		leadBlock: isRecord(params.lead) ? params.lead : {},
		lead: null
	};
	const specs = actions.map((a) => commandSpec(text(a.cmd)));
	let leadProblem = say("leadNotFound", settings.legacy);
	if (specs[0].scope !== "anchor" && specs.some((s) => s.scope === "lead")) {
		const lead = findLead(ctx, refOf(params.lead));
		if (lead && lead.deleted) leadProblem = say("leadDeleted", settings.legacy);
		else if (lead) ctx.lead = lead;
	}
	const results = [];
	let stoppedOn = null;
	for (let i = 0; i < actions.length; i++) {
		const spec = specs[i];
		const cmd = text(actions[i].cmd);
		const outcome = spec.scope === "lead" && !ctx.lead ? {
			ok: false,
			said: leadProblem
		} : spec.run(ctx, actions[i]);
		if (outcome.ok && outcome.lead) ctx.lead = outcome.lead;
		results.push({
			cmd,
			outcome
		});
		if (!outcome.ok && (i === 0 || settings.chainFailure === "stop")) {
			stoppedOn = outcome.said;
			break;
		}
	}
	if (actions.length === 1) {
		const only = results[0].outcome;
		if (!only.ok) return errorBody(only.said);
		return specs[0].single === "flat" ? only.entry : {
			status: "Success",
			actions: [{ [results[0].cmd]: only.entry }]
		};
	}
	const entries = results.map((r) => ({ [r.cmd]: r.outcome.ok ? r.outcome.entry : errorBody(r.outcome.said) }));
	if (stoppedOn) return {
		...errorBody(stoppedOn),
		actions: entries
	};
	return {
		status: "Success",
		actions: entries
	};
}
// src/main/core/sandbox/rate-window.ts
var SlidingWindow = class {
	limit;
	windowMs;
	arrivals = /* @__PURE__ */ new Map();
	constructor(limit, windowMs = 1e3) {
		this.limit = limit;
		this.windowMs = windowMs;
	}
	/** Records and accepts the arrival at `now` (monotonic ms) if the window has room; 0 = unlimited. */
	tryAccept(key, now) {
		if (this.limit <= 0) return true;
		let list = this.arrivals.get(key);
		if (!list) {
			list = [];
			this.arrivals.set(key, list);
		}
		while (list.length > 0 && list[0] <= now - this.windowMs) list.shift();
		if (list.length >= this.limit) return false;
		list.push(now);
		return true;
	}
	/** Takes back an accepted arrival that ended up rejected after all (an injected 429). */
	release(key, at) {
		const list = this.arrivals.get(key);
		const i = list ? list.lastIndexOf(at) : -1;
		if (list && i !== -1) list.splice(i, 1);
	}
};
// src/main/core/sandbox/seed/catalog-data.ts
var DEMO_CATALOG = {
	tags: [
		["Customer", 30],
		["Newsletter Subscriber", 45],
		["VIP", 6],
		["Webinar Attendee", 18],
		["Checklist Download", 25],
		["Abandoned Cart", 8],
		["Affiliate", 4],
		["Podcast Listener", 12],
		["Free Trial", 10],
		["Churned", 5],
		["Black Friday 2024", 9],
		["Coaching Client", 5],
		["Beta Tester", 3],
		["Referral", 7],
		["Summit 2025 Ticket", 6]
	],
	lists: [
		["Newsletter", 55],
		["Product Updates", 25],
		["Webinar Invites", 20],
		["Customers", 22],
		["Partners", 4],
		["Re-engagement", 8]
	],
	sequences: [
		{
			name: "Welcome Series",
			steps: 5
		},
		{
			name: "Customer Onboarding",
			steps: 6
		},
		{
			name: "Webinar Follow-up",
			steps: 3
		},
		{
			name: "Win-back Campaign",
			steps: 4
		}
	],
	calendars: [
		{
			name: "Discovery Calls",
			complete: true,
			classes: ["15-minute intro call", "Strategy session"]
		},
		{
			name: "Group Coaching",
			complete: true,
			classes: ["Tuesday cohort", "Thursday cohort"]
		},
		{
			name: "Product Demos",
			complete: true,
			classes: ["Live demo", "Q&A clinic"]
		},
		{
			name: "Office Hours (draft)",
			complete: false,
			classes: ["Open slot"]
		}
	],
	fields: [
		{
			identifier: "job_title",
			type: "input_field"
		},
		{
			identifier: "referral_code",
			type: "input_field"
		},
		{
			identifier: "sales_notes",
			type: "text_area"
		},
		{
			identifier: "goals",
			type: "text_area"
		},
		{
			identifier: "company_size",
			type: "drop_down",
			options: [
				"Just me",
				"2-10",
				"11-50",
				"51-200",
				"201+"
			]
		},
		{
			identifier: "industry",
			type: "drop_down",
			options: [
				"Retail",
				"Software",
				"Education",
				"Health & Wellness",
				"Consulting",
				"Hospitality"
			]
		},
		{
			identifier: "preferred_contact",
			type: "radio_button",
			options: [
				"Email",
				"Phone",
				"SMS"
			]
		},
		{
			identifier: "interests",
			type: "checkbox",
			options: [
				"Email marketing",
				"Sales funnels",
				"Memberships",
				"Webinars",
				"Affiliate programs"
			]
		}
	],
	pages: [
		["Home", "home"],
		["Free Checklist Opt-in", "checklist"],
		["Webinar Registration", "webinar"],
		["Thank You", "thank-you"],
		["Growth Course Sales Page", "growth-course"],
		["Member Login", "members"]
	],
	memberships: [{
		name: "Growth Academy",
		levels: ["Basic", "Pro"]
	}, {
		name: "Inner Circle",
		levels: ["Member"]
	}],
	products: [
		{
			id: 501,
			name: "Growth Course",
			refundDays: 30,
			pricePoints: [{
				id: 5011,
				name: "Pay in full",
				kind: "one_time",
				amount: 297,
				period: null,
				installments: null
			}, {
				id: 5012,
				name: "Three payments",
				kind: "installments",
				amount: 109,
				period: "monthly",
				installments: 3
			}]
		},
		{
			id: 502,
			name: "Inner Circle Membership",
			refundDays: 14,
			pricePoints: [{
				id: 5021,
				name: "Monthly",
				kind: "recurring",
				amount: 49,
				period: "monthly",
				installments: null
			}, {
				id: 5022,
				name: "Annual",
				kind: "recurring",
				amount: 490,
				period: "yearly",
				installments: null,
				locked: true
			}]
		},
		{
			id: 503,
			name: "Checklist Bundle",
			refundDays: 60,
			pricePoints: [{
				id: 5031,
				name: "Standard",
				kind: "one_time",
				amount: 19,
				period: null,
				installments: null
			}]
		},
		{
			id: 504,
			name: "Coaching Package",
			refundDays: 7,
			pricePoints: [{
				id: 5041,
				name: "Coaching plan",
				kind: "recurring_installments",
				amount: 199,
				period: "monthly",
				installments: 6
			}]
		}
	]
};
var AGENCY_CATALOG = {
	tags: [
		["Client", 30],
		["Prospect", 40],
		["Referral Partner", 8],
		["Event Attendee", 15],
		["Needs Follow-up", 20],
		["Newsletter", 35]
	],
	lists: [
		["Agency Newsletter", 50],
		["Client Updates", 30],
		["Case Study Readers", 15]
	],
	sequences: [{
		name: "Prospect Nurture",
		steps: 4
	}, {
		name: "Client Onboarding",
		steps: 3
	}],
	calendars: [{
		name: "Consultations",
		complete: true,
		classes: ["Initial consultation", "Quarterly review"]
	}],
	fields: [
		{
			identifier: "monthly_budget",
			type: "input_field"
		},
		{
			identifier: "business_stage",
			type: "drop_down",
			options: [
				"Idea",
				"Launched",
				"Scaling"
			]
		},
		{
			identifier: "services_wanted",
			type: "checkbox",
			options: [
				"SEO",
				"Paid ads",
				"Copywriting",
				"Funnel build"
			]
		}
	],
	pages: [["Agency Home", "home"], ["Book a Consultation", "consult"]],
	memberships: [],
	products: [{
		id: 601,
		name: "Marketing Retainer",
		refundDays: 14,
		pricePoints: [{
			id: 6011,
			name: "Monthly retainer",
			kind: "recurring",
			amount: 1500,
			period: "monthly",
			installments: null
		}]
	}, {
		id: 602,
		name: "Funnel Audit",
		refundDays: 30,
		pricePoints: [{
			id: 6021,
			name: "One-off audit",
			kind: "one_time",
			amount: 450,
			period: null,
			installments: null
		}]
	}]
};
var NOTES = [
	"Asked about team pricing on the last call.",
	"Prefers to be contacted after 3pm local time.",
	"Met at the spring summit; interested in the coaching package.",
	"Came in through the podcast interview with Sam.",
	"Wants an invoice with the company VAT number."
];
var JOB_TITLES = [
	"Founder",
	"Marketing Manager",
	"Owner",
	"Head of Growth",
	"Operations Lead",
	"Freelance Designer",
	"Fitness Coach",
	"Content Strategist",
	"Sales Director",
	"Studio Manager"
];
var GOALS = [
	"Grow the email list to 5,000 subscribers this year.",
	"Launch a membership site before the summer.",
	"Automate onboarding so new clients get everything on day one.",
	"Replace three separate tools with one platform."
];
// src/main/core/sandbox/seed/seed-payments.ts
var PERIOD_DAYS = {
	weekly: 7,
	"every 2 weeks": 14,
	monthly: 30,
	"every 2 months": 61,
	quarterly: 91,
	yearly: 365,
	"every 2 years": 730
};
var AFFILIATES = [
	"jenna_reviews",
	"growthwithmarco",
	"thepodcastpartner"
];
var SUBSCRIPTION_STATUSES = [
	"Active",
	"Active",
	"Paused",
	"Active",
	"Cancelled",
	"Active",
	"Terminated",
	"Active",
	"Active",
	"Cancelled",
	"Paused",
	"Active",
	"Active",
	"Cancelled",
	"Terminated"
];
function seedPayments(state, accountId, rng, products, customers, plan) {
	const { payments, clock } = state;
	const now = clock.now();
	for (const p of products) {
		payments.insertProduct({
			id: p.id,
			account_id: accountId,
			name: p.name,
			refund_days: p.refundDays
		});
		for (const pp of p.pricePoints) payments.insertPricePoint({
			id: pp.id,
			product_id: p.id,
			name: pp.name,
			kind: pp.kind,
			amount: pp.amount,
			recurring_period: pp.period,
			installments: pp.installments,
			recurrence_locked: pp.locked ? 1 : 0
		});
	}
	if (customers.length === 0) return;
	const all = products.flatMap((p) => p.pricePoints.map((pp) => ({
		product: p,
		pp
	})));
	const recurring = all.filter((x) => x.pp.kind !== "one_time");
	const oneTime = all.filter((x) => x.pp.kind === "one_time");
	const sale = (leadId, product, pp, date, type, extra = {}) => {
		const discount = rng.chance(.1) ? Math.round(pp.amount * 10) / 100 : 0;
		return payments.insertTransaction({
			account_id: accountId,
			lead_id: leadId,
			type,
			product_id: product.id,
			price_point_id: pp.id,
			subscription_id: null,
			parent_id: null,
			date,
			base_amount: pp.amount,
			discount,
			shipping: 0,
			tax: 0,
			full_amount: Math.round((pp.amount - discount) * 100) / 100,
			quantity: 1,
			affiliate: rng.chance(.15) ? rng.pick(AFFILIATES) : null,
			jv: null,
			last4: String(rng.int(1e3, 9999)),
			is_test: 0,
			refunded_amount: 0,
			refund_fails: 0,
			...extra
		});
	};
	for (let i = 0; i < plan.subscriptions && recurring.length > 0; i++) {
		const leadId = customers[i % customers.length];
		const status = SUBSCRIPTION_STATUSES[i % SUBSCRIPTION_STATUSES.length];
		const fixed = recurring.filter((x) => x.pp.installments !== null);
		const pool = status === "Terminated" && fixed.length > 0 ? fixed : recurring;
		const { product, pp } = pool[i % pool.length];
		const paypal = i === 1 || i === 4 || i === 8;
		const period = pp.period ?? "monthly";
		const days = PERIOD_DAYS[period] ?? 30;
		const total = pp.installments;
		const paid = status === "Terminated" && total ? total : Math.min(rng.int(1, 4), total ?? 4);
		const start = now - (paid - 1) * days * DAY_MS - rng.int(1, days - 1) * DAY_MS;
		const endDate = status === "Cancelled" || status === "Terminated" ? start + (paid - 1) * days * DAY_MS + rng.int(1, 5) * DAY_MS : null;
		const subId = payments.insertSubscription({
			account_id: accountId,
			lead_id: leadId,
			product_id: product.id,
			price_point_id: pp.id,
			gateway: paypal ? "paypal" : "stripe",
			gateway_subscription_id: paypal ? `I-${randomCode(rng, 12)}` : `sub_${randomCode(rng, 14).toLowerCase()}`,
			status,
			start_date: start,
			end_date: endDate,
			current_installment: paid,
			installments_left: total === null ? null : Math.max(0, total - paid),
			recurring_period: period,
			recurring_period_2: pp.kind === "recurring_installments" ? "yearly" : null,
			next_payment_date: status === "Active" ? start + paid * days * DAY_MS : null,
			amount: pp.amount,
			quantity: 1,
			tax_percent: 0,
			affiliate: null,
			jv: null,
			cancel_fails: i === 5 ? 1 : 0
		});
		for (let k = 0; k < paid; k++) sale(leadId, product, pp, start + k * days * DAY_MS, k === 0 ? "sale" : "rebill", {
			subscription_id: subId,
			last4: paypal ? "" : String(rng.int(1e3, 9999))
		});
		if (i === 3) {
			const part = Math.round(pp.amount * 20) / 100;
			sale(leadId, product, pp, start + DAY_MS, "partial_refund", {
				subscription_id: subId,
				base_amount: part,
				full_amount: part,
				discount: 0
			});
		}
		if (status === "Cancelled" && endDate !== null) sale(leadId, product, pp, endDate, "cancellation", {
			subscription_id: subId,
			base_amount: 0,
			full_amount: 0,
			discount: 0
		});
	}
	for (let j = 0; j < plan.sales && oneTime.length > 0; j++) {
		const leadId = customers[(plan.subscriptions + j) % customers.length];
		const { product, pp } = oneTime[j % oneTime.length];
		const date = now - (j % 3 === 0 ? rng.int(0, 4) : j % 3 === 1 ? rng.int(8, 12) : rng.int(120, 600)) * DAY_MS - rng.int(60, 8e4) * 1e3;
		const id = sale(leadId, product, pp, date, j % 11 === 10 ? "failed" : "sale", {
			is_test: j === 12 ? 1 : 0,
			refund_fails: j === 3 ? 1 : 0
		});
		const original = payments.transaction(accountId, id);
		const later = date + rng.int(1, 3) * DAY_MS;
		if (j === 6 || j === 7) {
			sale(leadId, product, pp, later, "refund", {
				parent_id: id,
				base_amount: original.full_amount,
				full_amount: original.full_amount,
				discount: 0
			});
			payments.addRefunded(id, original.full_amount);
		} else if (j === 4 || j === 13) {
			const part = Math.round(original.full_amount * 50) / 100;
			sale(leadId, product, pp, later, "partial_refund", {
				parent_id: id,
				base_amount: part,
				full_amount: part,
				discount: 0
			});
			payments.addRefunded(id, part);
		} else if (j === 8) sale(leadId, product, pp, later, "chargeback", {
			parent_id: id,
			base_amount: original.full_amount,
			full_amount: original.full_amount,
			discount: 0
		});
	}
}
function randomCode(rng, length) {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
	let out = "";
	for (let i = 0; i < length; i++) out += alphabet[rng.int(0, 33)];
	return out;
}
// src/main/core/sandbox/seed/seed.ts
/** A seeded lead of the demo account with several tags, two lists, a sequence, custom values and payments. */
var DEMO_LEAD_EMAIL = "olivia.bennett@example.com";
var PLANS = [{
	accountId: ACCOUNT_IDS.demo,
	rngSeed: 20240611,
	leads: 300,
	catalog: DEMO_CATALOG,
	pageHost: "demostore.kartra.com",
	gdpr: true,
	customerTag: "Customer",
	payments: {
		subscriptions: 15,
		sales: 18
	}
}, {
	accountId: ACCOUNT_IDS.agency,
	rngSeed: 777001,
	leads: 40,
	catalog: AGENCY_CATALOG,
	pageHost: "agencyclient.kartra.com",
	gdpr: false,
	customerTag: "Client",
	payments: {
		subscriptions: 2,
		sales: 3
	}
}];
var SOURCES = [
	["single-optin", 30],
	["double-optin", 20],
	["checkout", 15],
	["import", 12],
	["api", 10],
	["manual", 6],
	["affiliate-signup", 4],
	["helpdesk", 3]
];
/** Creates the fixed accounts (always) and seeds every still-empty account (when `seed`). One transaction. */
function bootstrapState(state, seed) {
	state.db.transaction(() => {
		for (const row of ACCOUNT_ROWS) state.catalog.upsertAccount(row);
		state.catalog.startIdsAt("leads", 39e3);
		state.catalog.startIdsAt("transactions", 48e3);
		state.catalog.startIdsAt("subscriptions", 14800);
		state.catalog.startIdsAt("custom_field_options", 600);
		state.catalog.startIdsAt("tags", 100);
		state.catalog.startIdsAt("lists", 200);
		state.catalog.startIdsAt("sequences", 300);
		if (!seed) return;
		for (const plan of PLANS) if (state.catalog.isEmpty(plan.accountId)) seedAccount(state, plan);
	});
}
function weighted(rng, items) {
	const total = items.reduce((s, [, w]) => s + w, 0);
	let r = rng.next() * total;
	for (const [item, w] of items) if ((r -= w) < 0) return item;
	return items[items.length - 1][0];
}
var slug = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
var fill = (rng, pattern) => pattern.replace(/[#A]/g, (c) => c === "#" ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25)));
function seedAccount(state, plan) {
	const { catalog, leads } = state;
	const rng = createRng(plan.rngSeed);
	const now = state.clock.now();
	const id = plan.accountId;
	const tags = plan.catalog.tags.map(([name, w]) => ({
		id: catalog.insertTag(id, name),
		name,
		w
	}));
	const lists = plan.catalog.lists.map(([name, w]) => ({
		id: catalog.insertList(id, name),
		name,
		w
	}));
	const sequences = plan.catalog.sequences.map((s) => {
		const steps = Array.from({ length: s.steps }, (_, i) => String(i + 1));
		return {
			id: catalog.insertSequence(id, s.name, steps),
			name: s.name,
			steps
		};
	});
	for (const c of plan.catalog.calendars) catalog.insertCalendar(id, c.name, c.complete, c.classes);
	const classes = catalog.calendars(id).filter((c) => c.complete).flatMap((c) => catalog.classes(c.id));
	for (const f of plan.catalog.fields) catalog.insertField(id, f.identifier, f.type, f.options ?? []);
	const fields = catalog.fields(id);
	for (const [name, path] of plan.catalog.pages) catalog.insertPage(id, name, `https://${plan.pageHost}/page/${path}`);
	const levels = plan.catalog.memberships.flatMap((m) => catalog.insertMembership(id, m.name, m.levels));
	const emails = /* @__PURE__ */ new Set();
	const customers = [];
	const countryWeights = COUNTRIES.map((c) => [c, c.weight]);
	const field = (identifier) => fields.find((f) => f.identifier === identifier);
	const optionByValue = (identifier, value) => field(identifier)?.options.find((o) => o.value === value)?.id;
	for (let n = 0; n < plan.leads; n++) {
		const demoLead = plan.accountId === ACCOUNT_IDS.demo && n === 0;
		const country = demoLead ? COUNTRIES[0] : weighted(rng, countryWeights);
		const place = demoLead ? country.places[0] : rng.pick(country.places);
		const first = demoLead ? "Olivia" : rng.pick(country.first);
		const last = demoLead ? "Bennett" : rng.pick(country.last);
		let email = demoLead ? DEMO_LEAD_EMAIL : `${slug(first)}.${slug(last)}@${rng.pick(EMAIL_DOMAINS)}`;
		while (emails.has(email)) email = email.replace("@", `${rng.int(1, 99)}@`);
		emails.add(email);
		const company = demoLead ? "Brightside Bakery" : rng.chance(.6) ? rng.pick(COMPANIES) : "";
		const joined = demoLead ? now - 412 * DAY_MS : now - rng.int(0, 729) * DAY_MS - rng.int(0, 86399) * 1e3;
		const gdprStatus = plan.gdpr ? weighted(rng, [
			["1", 3],
			["2", 5],
			["3", 1],
			["5", 1]
		]) : "0";
		const ip = `${rng.pick([
			"203.0.113",
			"198.51.100",
			"192.0.2"
		])}.${rng.int(1, 254)}`;
		const number = String(rng.int(1, 240));
		const street = rng.pick(country.streets);
		const values = {
			email,
			first_name: first,
			last_name: last,
			middle_name: rng.chance(.05) ? rng.pick(country.first) : "",
			phone_country_code: country.phone,
			phone: Array.from({ length: country.phoneDigits }, (_, i) => i === 0 ? rng.int(2, 9) : rng.int(0, 9)).join(""),
			ip,
			ip_country: country.name,
			address: country.numberFirst ? `${number} ${street}` : `${street} ${number}`,
			zip: fill(rng, place.zip),
			city: place.city,
			state: place.state,
			country: country.name,
			company,
			website: company && rng.chance(.6) ? `https://www.${slug(company)}.example` : "",
			lead_preferred_time_zone: rng.chance(.85) || demoLead ? place.tz : "",
			date_joined: joined,
			score: demoLead ? 120 : Math.floor(rng.next() ** 2 * 300),
			source: demoLead ? "checkout" : weighted(rng, SOURCES),
			source_id: String(rng.int(1e3, 9999)),
			notes: rng.chance(.1) ? rng.pick(NOTES) : "",
			blacklisted: rng.chance(.03) ? 1 : 0,
			gdpr_status: demoLead && plan.gdpr ? "2" : gdprStatus,
			gdpr_status_date: plan.gdpr ? formatEst(joined) : "0000-00-00 00:00:00",
			gdpr_status_ip: plan.gdpr ? ip : "",
			gdpr_communications: gdprStatus === "1" || gdprStatus === "2" || !plan.gdpr || demoLead ? "1" : "0"
		};
		const leadId = leads.insert(id, values);
		const leadTags = demoLead ? tags.filter((t) => [
			"Customer",
			"Newsletter Subscriber",
			"VIP"
		].includes(t.name)) : tags.filter((t) => rng.chance(t.w / 100));
		for (const t of leadTags) leads.addTag(leadId, t.id);
		if (leadTags.some((t) => t.name === plan.customerTag)) customers.push(leadId);
		const leadLists = demoLead ? lists.filter((l) => ["Newsletter", "Customers"].includes(l.name)) : lists.filter((l) => rng.chance(l.w / 100));
		for (const l of leadLists) {
			leads.setList(leadId, l.id, true);
			if (!demoLead && rng.chance(.15)) leads.setList(leadId, l.id, false);
		}
		if (demoLead || rng.chance(.4)) {
			const s = demoLead ? sequences[1] ?? sequences[0] : rng.pick(sequences);
			leads.subscribeSequence(leadId, s.id, demoLead ? "2" : rng.pick(s.steps));
			if (!demoLead && rng.chance(.15)) leads.unsubscribeSequence(leadId, s.id);
		}
		seedCustomValues(state, rng, leadId, fields, demoLead, company !== "");
		if (demoLead && field("company_size")) {
			leads.setOptions(leadId, field("company_size").id, [optionByValue("company_size", "2-10")]);
			leads.setOptions(leadId, field("preferred_contact").id, [optionByValue("preferred_contact", "Email")]);
		}
		if (classes.length > 0 && (demoLead || rng.chance(.08))) {
			const cls = demoLead ? classes[1] ?? classes[0] : rng.pick(classes);
			const start = now + (demoLead ? 9 : rng.int(-30, 45)) * DAY_MS;
			leads.book(leadId, cls.id, start, start < now ? "attended" : rng.chance(.2) ? "pending" : "active");
		}
		if (levels.length > 0 && (demoLead || rng.chance(.12))) leads.grantMembership(leadId, demoLead ? levels[1] ?? levels[0] : rng.pick(levels), !rng.chance(.1));
	}
	seedPayments(state, id, rng, plan.catalog.products, customers, plan.payments);
}
function seedCustomValues(state, rng, leadId, fields, demoLead, hasCompany) {
	const { leads } = state;
	for (const f of fields) {
		if (!hasOptions(f.type)) {
			const value = f.identifier === "job_title" && (demoLead || rng.chance(.5)) ? demoLead ? "Founder" : rng.pick(JOB_TITLES) : f.identifier === "goals" && (demoLead || rng.chance(.15)) ? rng.pick(GOALS) : f.identifier === "referral_code" && rng.chance(.1) ? `FRIEND-${rng.int(100, 999)}` : f.identifier === "monthly_budget" && rng.chance(.5) ? `$${rng.int(5, 60) * 100}` : f.identifier === "sales_notes" && rng.chance(.08) ? "Follow up after the product demo." : "";
			if (value) leads.setText(leadId, f.id, value);
			continue;
		}
		if (f.options.length === 0) continue;
		if (f.type === "checkbox") {
			if (demoLead || rng.chance(.5)) leads.setOptions(leadId, f.id, rng.sample(f.options, rng.int(1, 3)).map((o) => o.id));
		} else if ((f.identifier === "industry" || f.identifier === "company_size" ? hasCompany : true) && rng.chance(.6)) leads.setOptions(leadId, f.id, [rng.pick(f.options).id]);
	}
}
// src/main/core/sandbox/store/migrations.ts
var MIGRATIONS$1 = [{
	version: 1,
	sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY, label TEXT NOT NULL, api_key TEXT NOT NULL UNIQUE, api_password TEXT NOT NULL,
  active INTEGER NOT NULL, gdpr_enabled INTEGER NOT NULL DEFAULT 1, page_host TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tags (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX tags_name ON tags(account_id, name COLLATE NOCASE);
CREATE TABLE lists (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX lists_name ON lists(account_id, name COLLATE NOCASE);
CREATE TABLE sequences (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX sequences_name ON sequences(account_id, name COLLATE NOCASE);
CREATE TABLE sequence_steps (sequence_id INTEGER NOT NULL, position INTEGER NOT NULL, step TEXT NOT NULL,
  PRIMARY KEY (sequence_id, step));
CREATE TABLE calendars (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL,
  complete INTEGER NOT NULL);
CREATE UNIQUE INDEX calendars_name ON calendars(account_id, name COLLATE NOCASE);
CREATE TABLE calendar_classes (id INTEGER PRIMARY KEY AUTOINCREMENT, calendar_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX classes_name ON calendar_classes(calendar_id, name COLLATE NOCASE);
CREATE TABLE custom_fields (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL,
  identifier TEXT NOT NULL, type TEXT NOT NULL);
CREATE UNIQUE INDEX custom_fields_identifier ON custom_fields(account_id, identifier COLLATE NOCASE);
CREATE TABLE custom_field_options (id INTEGER PRIMARY KEY AUTOINCREMENT, field_id INTEGER NOT NULL,
  position INTEGER NOT NULL, value TEXT NOT NULL);
CREATE TABLE pages (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL,
  url TEXT NOT NULL);
CREATE TABLE memberships (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE membership_levels (id INTEGER PRIMARY KEY AUTOINCREMENT, membership_id INTEGER NOT NULL,
  name TEXT NOT NULL);

CREATE TABLE leads (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, email TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '', middle_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '',
  last_name2 TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', phone_country_code TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', zip TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
  company TEXT NOT NULL DEFAULT '', lead_picture TEXT NOT NULL DEFAULT '', website TEXT NOT NULL DEFAULT '',
  facebook TEXT NOT NULL DEFAULT '', twitter TEXT NOT NULL DEFAULT '', linkedin TEXT NOT NULL DEFAULT '',
  lead_preferred_time_zone TEXT NOT NULL DEFAULT '', sales_tax_id TEXT NOT NULL DEFAULT '',
  business_type TEXT NOT NULL DEFAULT '',
  date_joined INTEGER NOT NULL, score INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL,
  source_id TEXT NOT NULL DEFAULT '0', ip_country TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
  blacklisted INTEGER NOT NULL DEFAULT 0,
  gdpr_status TEXT NOT NULL DEFAULT '0', gdpr_status_date TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  gdpr_status_ip TEXT NOT NULL DEFAULT '', gdpr_communications TEXT NOT NULL DEFAULT '0',
  deleted INTEGER NOT NULL DEFAULT 0, deleted_at INTEGER
);
-- Deleted leads keep their email reserved, so the index covers them too.
CREATE UNIQUE INDEX leads_email ON leads(account_id, email COLLATE NOCASE);
CREATE TABLE lead_tags (lead_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, PRIMARY KEY (lead_id, tag_id));
CREATE TABLE lead_lists (lead_id INTEGER NOT NULL, list_id INTEGER NOT NULL, active INTEGER NOT NULL,
  PRIMARY KEY (lead_id, list_id));
CREATE TABLE lead_sequences (lead_id INTEGER NOT NULL, sequence_id INTEGER NOT NULL, step TEXT NOT NULL,
  status TEXT NOT NULL, PRIMARY KEY (lead_id, sequence_id));
CREATE TABLE lead_field_text (lead_id INTEGER NOT NULL, field_id INTEGER NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (lead_id, field_id));
CREATE TABLE lead_field_options (lead_id INTEGER NOT NULL, field_id INTEGER NOT NULL, option_id INTEGER NOT NULL,
  PRIMARY KEY (lead_id, field_id, option_id));
CREATE TABLE lead_bookings (id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL,
  class_id INTEGER NOT NULL, starts_at INTEGER, status TEXT NOT NULL);
CREATE INDEX lead_bookings_lead ON lead_bookings(lead_id);
CREATE TABLE lead_memberships (lead_id INTEGER NOT NULL, level_id INTEGER NOT NULL, active INTEGER NOT NULL,
  PRIMARY KEY (lead_id, level_id));
CREATE TABLE point_grants (id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL, points INTEGER NOT NULL, expires_at INTEGER NOT NULL, expired INTEGER NOT NULL DEFAULT 0);
CREATE INDEX point_grants_due ON point_grants(account_id, expired, expires_at);

CREATE TABLE products (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, name TEXT NOT NULL,
  refund_days INTEGER NOT NULL);
-- kind: one_time | recurring | installments | recurring_installments
CREATE TABLE price_points (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL, amount REAL NOT NULL, recurring_period TEXT, installments INTEGER,
  recurrence_locked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, lead_id INTEGER NOT NULL,
  product_id INTEGER NOT NULL, price_point_id INTEGER NOT NULL, gateway TEXT NOT NULL,
  gateway_subscription_id TEXT NOT NULL, status TEXT NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER,
  current_installment INTEGER NOT NULL, installments_left INTEGER, recurring_period TEXT NOT NULL,
  recurring_period_2 TEXT, next_payment_date INTEGER, amount REAL NOT NULL, quantity INTEGER NOT NULL,
  tax_percent REAL NOT NULL DEFAULT 0, affiliate TEXT, jv TEXT, cancel_fails INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE transactions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, lead_id INTEGER NOT NULL,
  type TEXT NOT NULL, product_id INTEGER NOT NULL, price_point_id INTEGER NOT NULL, subscription_id INTEGER,
  parent_id INTEGER, date INTEGER NOT NULL, base_amount REAL NOT NULL, discount REAL NOT NULL DEFAULT 0,
  shipping REAL NOT NULL DEFAULT 0, tax REAL NOT NULL DEFAULT 0, full_amount REAL NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1, affiliate TEXT, jv TEXT, last4 TEXT NOT NULL DEFAULT '',
  is_test INTEGER NOT NULL DEFAULT 0, refunded_amount REAL NOT NULL DEFAULT 0, refund_fails INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transactions_lead ON transactions(lead_id);
CREATE INDEX subscriptions_lead ON subscriptions(lead_id);
`
}];
// src/main/core/sandbox/store/db.ts
/** A database with a prepared-statement cache (the same SQL text is prepared once). */
var Db = class {
	raw;
	statements = /* @__PURE__ */ new Map();
	depth = 0;
	constructor(raw) {
		this.raw = raw;
	}
	stmt(sql) {
		let s = this.statements.get(sql);
		if (!s) {
			s = this.raw.prepare(sql);
			this.statements.set(sql, s);
		}
		return s;
	}
	all(sql, ...params) {
		return this.stmt(sql).all(...params);
	}
	get(sql, ...params) {
		return this.stmt(sql).get(...params);
	}
	/** Runs a write; returns the new rowid (inserts) and the number of changed rows. */
	run(sql, ...params) {
		const r = this.stmt(sql).run(...params);
		return {
			id: Number(r.lastInsertRowid),
			changes: Number(r.changes)
		};
	}
	/**
	* Runs `fn` in one transaction, committed before this returns: with a data file, a write acknowledged to a
	* client is on disk (WAL) before the answer is written. Nested calls join the outer transaction.
	*/
	transaction(fn) {
		if (this.depth > 0) return fn();
		this.raw.exec("BEGIN IMMEDIATE");
		this.depth++;
		try {
			const result = fn();
			this.raw.exec("COMMIT");
			return result;
		} catch (error) {
			if (this.raw.isTransaction) this.raw.exec("ROLLBACK");
			throw error;
		} finally {
			this.depth--;
		}
	}
	close() {
		this.statements.clear();
		if (this.raw.isOpen) this.raw.close();
	}
};
function openDb(file, migrations = MIGRATIONS$1) {
	const raw = new node_sqlite.DatabaseSync(file ?? ":memory:");
	if (file) {
		raw.exec("PRAGMA journal_mode = WAL");
		raw.exec("PRAGMA synchronous = NORMAL");
	}
	raw.exec("PRAGMA foreign_keys = OFF");
	applyMigrations(raw, migrations);
	return new Db(raw);
}
function applyMigrations(raw, migrations) {
	const current = raw.prepare("PRAGMA user_version").get()?.user_version ?? 0;
	const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
	for (const migration of pending) {
		raw.exec("BEGIN IMMEDIATE");
		try {
			raw.exec(migration.sql);
			raw.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
			raw.exec("COMMIT");
		} catch (error) {
			raw.exec("ROLLBACK");
			throw new Error(`sandbox database migration ${migration.version} failed: ${error.message}`, { cause: error });
		}
	}
}
// src/main/core/sandbox/store/lead-store.ts
/** Columns a caller may set on insert/update; anything else is refused (the SQL is built from these names). */
var WRITABLE = /* @__PURE__ */ new Set([
	...PROFILE_FIELDS,
	"email",
	"date_joined",
	"score",
	"source",
	"source_id",
	"ip_country",
	"notes",
	"blacklisted",
	"gdpr_status",
	"gdpr_status_date",
	"gdpr_status_ip",
	"gdpr_communications",
	"deleted",
	"deleted_at"
]);
function columns(values) {
	const names = Object.keys(values).filter((k) => values[k] !== void 0);
	for (const n of names) if (!WRITABLE.has(n)) throw new Error(`lead column ${n} is not writable`);
	return [names, names.map((n) => values[n] ?? null)];
}
var LeadStore = class {
	db;
	constructor(db) {
		this.db = db;
	}
	byId(accountId, id) {
		return this.db.get("SELECT * FROM leads WHERE account_id = ? AND id = ?", accountId, id);
	}
	byEmail(accountId, email) {
		return this.db.get("SELECT * FROM leads WHERE account_id = ? AND email = ? COLLATE NOCASE", accountId, email);
	}
	list(accountId, includeDeleted) {
		return this.db.all(`SELECT * FROM leads WHERE account_id = ? ${includeDeleted ? "" : "AND deleted = 0"} ORDER BY id`, accountId);
	}
	insert(accountId, values) {
		const [names, params] = columns(values);
		const sql = `INSERT INTO leads (account_id, ${names.join(", ")}) VALUES (?, ${names.map(() => "?").join(", ")})`;
		return this.db.run(sql, accountId, ...params).id;
	}
	update(id, values) {
		const [names, params] = columns(values);
		if (names.length === 0) return;
		this.db.run(`UPDATE leads SET ${names.map((n) => `${n} = ?`).join(", ")} WHERE id = ?`, ...params, id);
	}
	tags(leadId) {
		return this.db.all("SELECT t.id, t.name FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.lead_id = ? ORDER BY lt.rowid", leadId);
	}
	addTag(leadId, tagId) {
		this.db.run("INSERT OR IGNORE INTO lead_tags (lead_id, tag_id) VALUES (?, ?)", leadId, tagId);
	}
	removeTag(leadId, tagId) {
		this.db.run("DELETE FROM lead_tags WHERE lead_id = ? AND tag_id = ?", leadId, tagId);
	}
	lists(leadId) {
		return this.db.all("SELECT l.id, l.name, ll.active FROM lead_lists ll JOIN lists l ON l.id = ll.list_id WHERE ll.lead_id = ? ORDER BY ll.rowid", leadId);
	}
	/** Subscribes (active) or unsubscribes; an unsubscribe of a list the lead never joined changes nothing. */
	setList(leadId, listId, active) {
		if (active) this.db.run(`INSERT INTO lead_lists (lead_id, list_id, active) VALUES (?, ?, 1)
         ON CONFLICT(lead_id, list_id) DO UPDATE SET active = 1`, leadId, listId);
		else this.db.run("UPDATE lead_lists SET active = 0 WHERE lead_id = ? AND list_id = ?", leadId, listId);
	}
	sequences(leadId) {
		return this.db.all(`SELECT s.id, s.name, ls.step, ls.status FROM lead_sequences ls JOIN sequences s ON s.id = ls.sequence_id
       WHERE ls.lead_id = ? ORDER BY ls.rowid`, leadId);
	}
	subscribeSequence(leadId, sequenceId, step) {
		this.db.run(`INSERT INTO lead_sequences (lead_id, sequence_id, step, status) VALUES (?, ?, ?, 'active')
       ON CONFLICT(lead_id, sequence_id) DO UPDATE SET step = excluded.step, status = 'active'`, leadId, sequenceId, step);
	}
	unsubscribeSequence(leadId, sequenceId) {
		this.db.run(`UPDATE lead_sequences SET status = 'unsubscribed' WHERE lead_id = ? AND sequence_id = ?`, leadId, sequenceId);
	}
	textValues(leadId) {
		const rows = this.db.all("SELECT field_id, value FROM lead_field_text WHERE lead_id = ?", leadId);
		return new Map(rows.map((r) => [r.field_id, r.value]));
	}
	optionValues(leadId) {
		const rows = this.db.all("SELECT field_id, option_id FROM lead_field_options WHERE lead_id = ? ORDER BY option_id", leadId);
		const out = /* @__PURE__ */ new Map();
		for (const r of rows) out.set(r.field_id, [...out.get(r.field_id) ?? [], r.option_id]);
		return out;
	}
	setText(leadId, fieldId, value) {
		if (value === "") this.db.run("DELETE FROM lead_field_text WHERE lead_id = ? AND field_id = ?", leadId, fieldId);
		else this.db.run(`INSERT INTO lead_field_text (lead_id, field_id, value) VALUES (?, ?, ?)
         ON CONFLICT(lead_id, field_id) DO UPDATE SET value = excluded.value`, leadId, fieldId, value);
	}
	setOptions(leadId, fieldId, optionIds) {
		this.db.run("DELETE FROM lead_field_options WHERE lead_id = ? AND field_id = ?", leadId, fieldId);
		for (const o of new Set(optionIds)) this.db.run("INSERT INTO lead_field_options (lead_id, field_id, option_id) VALUES (?, ?, ?)", leadId, fieldId, o);
	}
	bookings(leadId) {
		return this.db.all(`SELECT b.id, b.class_id, cc.name AS class_name, c.name AS calendar_name, b.starts_at, b.status
       FROM lead_bookings b JOIN calendar_classes cc ON cc.id = b.class_id JOIN calendars c ON c.id = cc.calendar_id
       WHERE b.lead_id = ? ORDER BY b.id`, leadId);
	}
	/** The lead's active or pending booking of a class, if any. */
	openBooking(leadId, classId) {
		return this.db.get(`SELECT id FROM lead_bookings WHERE lead_id = ? AND class_id = ? AND status IN ('active', 'pending') ORDER BY id DESC`, leadId, classId);
	}
	book(leadId, classId, startsAt, status = "active") {
		this.db.run("INSERT INTO lead_bookings (lead_id, class_id, starts_at, status) VALUES (?, ?, ?, ?)", leadId, classId, startsAt, status);
	}
	rebook(bookingId, startsAt) {
		this.db.run(`UPDATE lead_bookings SET starts_at = ?, status = 'active' WHERE id = ?`, startsAt, bookingId);
	}
	cancelBooking(bookingId) {
		this.db.run(`UPDATE lead_bookings SET status = 'cancelled' WHERE id = ?`, bookingId);
	}
	memberships(leadId) {
		return this.db.all(`SELECT m.id AS membership_id, m.name, ml.id AS level_id, ml.name AS level_name, lm.active
       FROM lead_memberships lm JOIN membership_levels ml ON ml.id = lm.level_id JOIN memberships m ON m.id = ml.membership_id
       WHERE lm.lead_id = ? ORDER BY lm.rowid`, leadId);
	}
	grantMembership(leadId, levelId, active) {
		this.db.run("INSERT OR REPLACE INTO lead_memberships (lead_id, level_id, active) VALUES (?, ?, ?)", leadId, levelId, active ? 1 : 0);
	}
	/** Score changes never take a lead below zero ([U]: Kartra's behaviour for negative scores is undocumented). */
	addScore(leadId, delta) {
		this.db.run("UPDATE leads SET score = MAX(0, score + ?) WHERE id = ?", delta, leadId);
	}
	addExpiringPoints(accountId, leadId, points, expiresAt) {
		this.db.run("INSERT INTO point_grants (lead_id, account_id, points, expires_at) VALUES (?, ?, ?, ?)", leadId, accountId, points, expiresAt);
	}
	/** Deducts exactly the points of every grant whose expiry has passed (give_points_to_lead `expiration`). */
	expirePoints(accountId, now) {
		const due = this.db.all("SELECT id, lead_id, points FROM point_grants WHERE account_id = ? AND expired = 0 AND expires_at <= ?", accountId, now);
		for (const g of due) {
			this.addScore(g.lead_id, -g.points);
			this.db.run("UPDATE point_grants SET expired = 1 WHERE id = ?", g.id);
		}
		return due.length;
	}
};
// src/main/core/sandbox/store/payment-store.ts
function insertSql(table, values) {
	const names = Object.keys(values);
	return [`INSERT INTO ${table} (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`, names.map((n) => values[n] ?? null)];
}
var PaymentStore = class {
	db;
	constructor(db) {
		this.db = db;
	}
	insertProduct(p) {
		const [sql, params] = insertSql("products", p);
		this.db.run(sql, ...params);
	}
	insertPricePoint(p) {
		const [sql, params] = insertSql("price_points", p);
		this.db.run(sql, ...params);
	}
	product(accountId, id) {
		return this.db.get("SELECT * FROM products WHERE account_id = ? AND id = ?", accountId, id);
	}
	pricePoint(productId, id) {
		return this.db.get("SELECT * FROM price_points WHERE product_id = ? AND id = ?", productId, id);
	}
	pricePointById(id) {
		return this.db.get("SELECT * FROM price_points WHERE id = ?", id);
	}
	productById(id) {
		return this.db.get("SELECT * FROM products WHERE id = ?", id);
	}
	insertTransaction(t) {
		const [sql, params] = insertSql("transactions", t);
		return this.db.run(sql, ...params).id;
	}
	transaction(accountId, id) {
		return this.db.get("SELECT * FROM transactions WHERE account_id = ? AND id = ?", accountId, id);
	}
	transactionsOfLead(leadId) {
		return this.db.all("SELECT * FROM transactions WHERE lead_id = ? ORDER BY id", leadId);
	}
	transactions(accountId) {
		return this.db.all("SELECT * FROM transactions WHERE account_id = ? ORDER BY id", accountId);
	}
	addRefunded(id, amount) {
		this.db.run("UPDATE transactions SET refunded_amount = ROUND(refunded_amount + ?, 2) WHERE id = ?", amount, id);
	}
	insertSubscription(s) {
		const [sql, params] = insertSql("subscriptions", s);
		return this.db.run(sql, ...params).id;
	}
	subscription(accountId, id) {
		return this.db.get("SELECT * FROM subscriptions WHERE account_id = ? AND id = ?", accountId, id);
	}
	subscriptionsOfLead(leadId) {
		return this.db.all("SELECT * FROM subscriptions WHERE lead_id = ? ORDER BY id", leadId);
	}
	subscriptionByGatewayId(accountId, gatewayId) {
		return this.db.get("SELECT * FROM subscriptions WHERE account_id = ? AND gateway_subscription_id = ?", accountId, gatewayId);
	}
	subscriptions(accountId) {
		return this.db.all("SELECT * FROM subscriptions WHERE account_id = ? ORDER BY id", accountId);
	}
	updateSubscription(id, values) {
		const names = Object.keys(values).filter((k) => values[k] !== void 0);
		if (names.length === 0) return;
		const params = names.map((n) => values[n] ?? null);
		this.db.run(`UPDATE subscriptions SET ${names.map((n) => `${n} = ?`).join(", ")} WHERE id = ?`, ...params, id);
	}
};
// src/main/core/sandbox/store/state.ts
function openState(clock, dataFile) {
	const db = openDb(dataFile);
	return {
		db,
		catalog: new CatalogStore(db),
		leads: new LeadStore(db),
		payments: new PaymentStore(db),
		clock
	};
}
// src/main/core/sandbox/server.ts
var MAX_BODY = 8388608;
var JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };
async function startSandbox(options = {}) {
	const state = openState(createClock(), options.dataFile);
	try {
		bootstrapState(state, options.seed !== false);
	} catch (error) {
		state.db.close();
		throw error;
	}
	const settings = {
		testMode: options.testMode === true,
		legacy: options.legacyMessages === true,
		chainFailure: options.chainFailure ?? "stop",
		simulateInsecure: options.simulateInsecure === true
	};
	const faults = new FaultInjector(options.randomSeed ?? (0, node_crypto.randomBytes)(4).readUInt32LE(0), checkFaults(options.faults ?? {}));
	const window = new SlidingWindow(options.rate ?? 20);
	const counters = {
		requests: 0,
		count429: 0,
		byApp: {}
	};
	const adminToken = (0, node_crypto.randomBytes)(18).toString("hex");
	const inspect = createInspector(state);
	const sockets = /* @__PURE__ */ new Set();
	const timers = /* @__PURE__ */ new Set();
	let closed = false;
	const stats = () => ({
		requests: counters.requests,
		count429: counters.count429,
		byApp: Object.fromEntries(Object.entries(counters.byApp).map(([k, v]) => [k, { ...v }]))
	});
	const setFaults = (f) => faults.set(checkFaults(f));
	const setTestMode = (on) => {
		settings.testMode = on;
	};
	/** A timer that close() cancels; the awaiting request is then simply abandoned (its socket is destroyed). */
	const wait = (ms) => new Promise((resolve) => {
		const t = setTimeout(() => {
			timers.delete(t);
			resolve();
		}, ms);
		timers.add(t);
	});
	const count = (appId, rejected) => {
		const app = counters.byApp[appId] ??= {
			requests: 0,
			count429: 0
		};
		counters.requests++;
		app.requests++;
		if (rejected) {
			counters.count429++;
			app.count429++;
		}
	};
	async function handleApi(req, res, body) {
		const arrival = node_perf_hooks.performance.now();
		const params = parseKartraBody(body, req.headers["content-type"]);
		const appId = typeof params.app_id === "string" ? params.app_id : "";
		if (!window.tryAccept(appId, arrival)) {
			count(appId, true);
			return send$1(res, 429, tooMany());
		}
		const fault = faults.decide();
		count(appId, fault === "extra429");
		if (fault === "extra429") {
			window.release(appId, arrival);
			return send$1(res, 429, tooMany());
		}
		if (faults.latencyMs > 0) await wait(faults.latencyMs);
		if (closed) return;
		if (fault === "http503") return send$1(res, 503, {
			status: "Error",
			message: "Service Unavailable",
			type: "503"
		});
		if (fault === "resetBefore") return void req.socket.destroy();
		const answer = processRequest(state, params, req.socket.remoteAddress ?? "", settings);
		if (fault === "resetAfter") return void req.socket.destroy();
		if (fault === "timeout") {
			await wait(faults.holdMs);
			req.socket.destroy();
			return;
		}
		send$1(res, 200, answer);
	}
	const server = node_http.default.createServer((req, res) => {
		readBody(req).then(async (body) => {
			if (closed) return;
			const path = (req.url ?? "/").split("?")[0];
			if (path === "/__admin" || path.startsWith("/__admin/")) {
				const token = req.headers["x-sandbox-admin"];
				const answer = handleAdmin({
					token: adminToken,
					inspect,
					setFaults,
					setTestMode,
					stats
				}, req.method ?? "", path, Array.isArray(token) ? token[0] : token, body);
				return send$1(res, answer.status, answer.body);
			}
			if (path !== "/api") return send$1(res, 404, {
				status: "Error",
				message: `Not found: ${path}`
			});
			if (req.method !== "POST") {
				res.setHeader("allow", "POST");
				return send$1(res, 405, {
					status: "Error",
					message: "Method not allowed: the Kartra API takes POST only"
				});
			}
			await handleApi(req, res, body);
		}).catch((error) => {
			if (closed || res.headersSent || req.socket.destroyed) return;
			if (error instanceof BodyTooLarge) return send$1(res, 413, {
				status: "Error",
				message: "Request body too large"
			});
			send$1(res, 500, {
				status: "Error",
				message: `Sandbox internal error: ${error.message}`
			});
		});
	});
	server.on("connection", (socket) => {
		sockets.add(socket);
		socket.on("close", () => sockets.delete(socket));
	});
	server.on("clientError", (_err, socket) => socket.destroy());
	await new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port ?? 0, "127.0.0.1", () => {
			server.off("error", reject);
			resolve();
		});
	}).catch((error) => {
		state.db.close();
		throw error;
	});
	const port = server.address().port;
	return {
		url: `http://127.0.0.1:${port}/api`,
		port,
		accounts: [{ ...DEMO_ACCOUNT }, { ...AGENCY_ACCOUNT }],
		adminToken,
		inspect,
		setFaults,
		setTestMode,
		stats,
		async close() {
			if (closed) return;
			closed = true;
			for (const t of timers) clearTimeout(t);
			timers.clear();
			const done = new Promise((resolve) => server.close(() => resolve()));
			for (const s of sockets) s.destroy();
			await done;
			state.db.close();
		}
	};
	function tooMany() {
		const { type, message } = say("rateLimited", settings.legacy);
		return {
			status: "Error",
			message,
			type
		};
	}
}
function send$1(res, status, body) {
	if (res.writableEnded || res.destroyed) return;
	res.writeHead(status, JSON_HEADERS);
	res.end(JSON.stringify(body));
}
var BodyTooLarge = class extends Error {};
function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on("data", (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				req.removeAllListeners("data");
				req.resume();
				reject(new BodyTooLarge());
				return;
			}
			chunks.push(chunk);
		});
		req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
		req.on("error", reject);
	});
}
// src/main/core/connection/builtin-sandbox.ts
var BuiltinSandbox = class {
	dataDir;
	options;
	running;
	started;
	constructor(dataDir, options = {}) {
		this.dataDir = dataDir;
		this.options = options;
	}
	/** The running sandbox, if it has finished starting. */
	current() {
		return this.started;
	}
	/** Starts the sandbox once (on a free loopback port) and returns it; later calls share it. */
	ensure() {
		if (!this.running) {
			const folder = (0, node_path.join)(this.dataDir, "sandbox");
			(0, node_fs.mkdirSync)(folder, { recursive: true });
			const starting = startSandbox({
				port: 0,
				...this.options,
				dataFile: (0, node_path.join)(folder, "kartra-sandbox.sqlite")
			});
			this.running = starting;
			starting.then((s) => this.started = s, () => void 0);
			starting.catch(() => {
				if (this.running === starting) this.running = void 0;
			});
		}
		return this.running;
	}
	async close() {
		const running = this.running;
		this.running = void 0;
		this.started = void 0;
		if (running) await (await running).close().catch(() => void 0);
	}
};
// src/main/core/credentials/secret-store.ts
var KEYCHAIN_SERVICE = "Lead Desk (Kartra API)";
/** Stores each account's secret as one JSON password under KEYCHAIN_SERVICE, keyed by account id. */
var KeychainSecretStore = class {
	keytar;
	service;
	kind = "keychain";
	constructor(keytar, service = KEYCHAIN_SERVICE) {
		this.keytar = keytar;
		this.service = service;
	}
	async set(accountId, secret) {
		await this.keytar.setPassword(this.service, accountId, JSON.stringify({
			apiKey: secret.apiKey,
			apiPassword: secret.apiPassword
		}));
	}
	async get(accountId) {
		const raw = await this.keytar.getPassword(this.service, accountId);
		return raw === null ? void 0 : parseSecret(raw);
	}
	async delete(accountId) {
		return this.keytar.deletePassword(this.service, accountId);
	}
	async listAccountIds() {
		return (await this.keytar.findCredentials(this.service)).map((c) => c.account).sort();
	}
};
/** Session-only secrets, for machines without a Secret Service; gone when the app quits. */
var SessionSecretStore = class {
	kind = "session";
	secrets = /* @__PURE__ */ new Map();
	async set(accountId, secret) {
		this.secrets.set(accountId, { ...secret });
	}
	async get(accountId) {
		const s = this.secrets.get(accountId);
		return s && { ...s };
	}
	async delete(accountId) {
		return this.secrets.delete(accountId);
	}
	async listAccountIds() {
		return [...this.secrets.keys()].sort();
	}
};
function parseSecret(raw) {
	try {
		const value = JSON.parse(raw);
		if (typeof value.apiKey === "string" && typeof value.apiPassword === "string") return {
			apiKey: value.apiKey,
			apiPassword: value.apiPassword
		};
	} catch {}
}
/**
* Loads keytar and checks that a Secret Service answers. Returns undefined (with the reason) when
* the native module or the service is missing, so the app can offer session-only storage instead.
*/
async function openKeychain(service = KEYCHAIN_SERVICE) {
	let keytar;
	try {
		keytar = await import("keytar");
		keytar = keytar.default ?? keytar;
	} catch (error) {
		return { reason: `the keychain module could not be loaded (${String(error)})` };
	}
	try {
		await keytar.findCredentials(service);
		return { store: new KeychainSecretStore(keytar, service) };
	} catch (error) {
		return { reason: `no Secret Service / keychain is available (${String(error)})` };
	}
}
// src/main/core/credentials/credential-vault.ts
var CredentialVault = class {
	keychain;
	keychainProblem;
	session = new SessionSecretStore();
	constructor(keychain, keychainProblem) {
		this.keychain = keychain;
		this.keychainProblem = keychainProblem;
	}
	status() {
		return {
			available: this.keychain !== void 0,
			problem: this.keychain ? null : this.keychainProblem ?? "no keychain is available"
		};
	}
	/** Refuses early when the keychain is missing and the user has not agreed to session-only storage. */
	assertCanStore(sessionOnly) {
		if (this.keychain || sessionOnly) return;
		throw new require_validate_job.AppError("keychain_unavailable", `Lead Desk cannot reach the system keychain (${this.status().problem}), so it cannot save your API key and password safely. You can keep them for this session only: they will be forgotten when Lead Desk quits, and never written to a file.`);
	}
	async put(accountId, secret, sessionOnly) {
		this.assertCanStore(sessionOnly);
		if (sessionOnly || !this.keychain) {
			await this.session.set(accountId, secret);
			return "session";
		}
		await this.keychain.set(accountId, secret);
		await this.session.delete(accountId);
		return "keychain";
	}
	async get(accountId) {
		return await this.session.get(accountId) ?? await this.readKeychain(accountId);
	}
	async storageOf(accountId) {
		if (await this.session.get(accountId)) return "session";
		return await this.readKeychain(accountId) ? "keychain" : "missing";
	}
	/** Removes the secret from everywhere it might be. */
	async delete(accountId) {
		await this.session.delete(accountId);
		await this.keychain?.delete(accountId);
	}
	async readKeychain(accountId) {
		if (!this.keychain) return void 0;
		try {
			return await this.keychain.get(accountId);
		} catch (error) {
			throw new require_validate_job.AppError("keychain_unavailable", `The system keychain did not answer: ${String(error)}`, { retryable: true });
		}
	}
};
// src/main/core/events.ts
var EventHub = class {
	log;
	listeners = /* @__PURE__ */ new Set();
	constructor(log) {
		this.log = log;
	}
	on(listener) {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	emit(event, payload) {
		for (const listener of this.listeners) try {
			listener(event, payload);
		} catch (error) {
			this.log.error("event listener failed", {
				event,
				error
			});
		}
	}
};
// src/main/core/kartra/limiter-registry.ts
var LimiterRegistry = class {
	limiters = /* @__PURE__ */ new Map();
	options;
	onState;
	constructor(opts = {}) {
		this.options = resolveLimiterOptions(opts);
		this.onState = opts.onState;
	}
	/** The App's limiter, created on first use. */
	get(appId) {
		if (typeof appId !== "string" || appId.trim() === "") throw new TypeError("LimiterRegistry.get needs a non-empty appId");
		let limiter = this.limiters.get(appId);
		if (!limiter) {
			const onState = this.onState;
			limiter = new RateLimiter({
				...this.options,
				appId,
				...onState ? { onState } : {}
			});
			this.limiters.set(appId, limiter);
		}
		return limiter;
	}
	/** Current state of every limiter, for a window that (re)loads and must not wait for the next event. */
	states() {
		return [...this.limiters.values()].map((limiter) => limiter.state());
	}
	/** Closes every limiter (queued tasks are rejected with LimiterClosedError); later get() calls create fresh ones. */
	closeAll() {
		const limiters = [...this.limiters.values()];
		this.limiters.clear();
		for (const limiter of limiters) limiter.close();
	}
};
// src/main/core/outbox/project.ts
function applyAction(lead, action) {
	switch (action.cmd) {
		case "assign_tag": return lead.tags.includes(action.tag_name) ? lead : {
			...lead,
			tags: [...lead.tags, action.tag_name]
		};
		case "unassign_tag": return {
			...lead,
			tags: lead.tags.filter((t) => t !== action.tag_name)
		};
		case "subscribe_lead_to_list":
		case "unsubscribe_lead_from_list": {
			const active = action.cmd === "subscribe_lead_to_list";
			const others = lead.lists.filter((l) => l.list_name !== action.list_name);
			const known = lead.lists.some((l) => l.list_name === action.list_name);
			return {
				...lead,
				lists: active || known ? [...others, {
					list_name: action.list_name,
					active
				}] : others
			};
		}
		case "subscribe_lead_to_sequence_at_step": return {
			...lead,
			sequences: [...lead.sequences.filter((s) => s.sequence_name !== action.sequence_name), {
				sequence_name: action.sequence_name,
				step: action.step,
				status: "active"
			}]
		};
		case "unsubscribe_lead_from_sequence": return {
			...lead,
			sequences: lead.sequences.map((s) => s.sequence_name === action.sequence_name ? {
				...s,
				status: "unsubscribed"
			} : s)
		};
		case "give_points_to_lead": return {
			...lead,
			score: lead.score + action.points
		};
		case "remove_points_from_lead": return {
			...lead,
			score: Math.max(0, lead.score - action.points)
		};
		case "calendar_subscribe":
		case "calendar_cancel": {
			const others = (lead.calendars ?? []).filter((c) => !(c.calendar_name === action.calendar_name && c.class_name === action.class_name));
			return {
				...lead,
				calendars: [...others, {
					calendar_name: action.calendar_name,
					class_name: action.class_name,
					active: action.cmd === "calendar_subscribe"
				}]
			};
		}
	}
}
function applyEdit(lead, changes) {
	const next = { ...lead };
	for (const field of LEAD_TEXT_FIELDS) {
		const value = changes[field];
		if (value !== void 0) next[field] = value;
	}
	if (changes.new_email) next.email = changes.new_email;
	if (changes.custom_fields) next.custom_fields = lead.custom_fields.map((field) => {
		const change = changes.custom_fields.find((c) => c.field_identifier === field.field_identifier);
		if (!change) return field;
		if (typeof field.value === "string") return {
			...field,
			value: Array.isArray(change.field_value) ? change.field_value.join(",") : change.field_value
		};
		const ids = Array.isArray(change.field_value) ? change.field_value : change.field_value ? [change.field_value] : [];
		return {
			...field,
			value: ids.map((id) => field.value instanceof Array ? field.value.find((o) => o.option_id === id) ?? {
				option_id: id,
				option_value: id
			} : {
				option_id: id,
				option_value: id
			})
		};
	});
	return next;
}
function projectChange(lead, change) {
	if (change.kind === "action") return applyAction(lead, change.action);
	if (change.kind === "edit") return applyEdit(lead, change.changes);
	return lead;
}
// src/main/core/leads/payments.ts
/** Details cost one call each: enough for a profile, without flooding the limiter for a big customer. */
var DETAILS_LIMIT = 5;
async function loadPayments(client, ref) {
	const options = { lane: "interactive" };
	const [transactions, subscriptions] = await Promise.all([orNull(client.retrieveTransactionsFromLead(ref, options)), orNull(client.retrieveSubscriptionsFromLead(ref, options))]);
	return {
		transactions: transactions ? await Promise.all(transactions.map(async (t, i) => ({
			transaction_id: t.transaction_id,
			transaction_type: t.transaction_type,
			details: i < DETAILS_LIMIT ? await orNull(client.getTransactionDetails(t.transaction_id, options)) : null
		}))) : null,
		subscriptions: subscriptions ? await Promise.all(subscriptions.map(async (s, i) => ({
			subscription_id: s.subscription_id,
			subscription_status: s.subscription_status,
			details: i < DETAILS_LIMIT ? await orNull(client.getSubscriptionDetails(s.subscription_id, options)) : null
		}))) : null
	};
}
/** An App without payment permissions (262) or a missing record still shows the rest of the profile. */
async function orNull(promise) {
	try {
		return await promise;
	} catch (error) {
		if (error instanceof KartraApiError) return null;
		throw error;
	}
}
// src/main/core/leads/lead-service.ts
var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
var LeadService = class {
	deps;
	constructor(deps) {
		this.deps = deps;
	}
	/** Finds one lead on Kartra by email or numeric id, as typed by the user; offline, the cached copy. */
	async find(query) {
		const ref = parseLeadQuery(query);
		const session = this.deps.connection.require();
		try {
			return await this.read(session, ref);
		} catch (error) {
			const cached = this.offlineCopy(session, ref, error);
			if (cached) return cached.lead;
			throw error;
		}
	}
	search(query, offset, limit) {
		const { account } = this.deps.connection.require();
		const started = performance.now();
		const { rows, total } = this.deps.cache.search(account.id, query, offset, limit);
		return {
			rows,
			total,
			tookMs: performance.now() - started,
			newestSeenAt: this.deps.cache.newestSeenAt(account.id)
		};
	}
	async profile(id) {
		const session = this.deps.connection.require();
		const pending = this.deps.outbox.forLead(id);
		try {
			const lead = await this.read(session, { id });
			const payments = await loadPayments(session.client, { id });
			return {
				lead,
				fromCache: false,
				seenAt: Date.now(),
				...payments,
				pending
			};
		} catch (error) {
			const cached = this.offlineCopy(session, { id }, error);
			if (!cached) throw error;
			return {
				lead: pending.reduce((l, item) => projectChange(l, item.change), cached.lead),
				fromCache: true,
				seenAt: cached.seenAt,
				transactions: null,
				subscriptions: null,
				pending
			};
		}
	}
	async create(lead, actions) {
		await this.deps.account.assertNamesExist(actions);
		const changes = [{ change: {
			kind: "create",
			lead
		} }, ...actions.map((action) => ({ change: {
			kind: "action",
			action
		} }))];
		const receipt = await this.write({ email: lead.email }, changes);
		if (receipt.lead) this.noticeTestMode(lead.email, receipt.lead.email);
		return receipt;
	}
	async edit(ref, changes, seen, actions) {
		await this.deps.account.assertNamesExist(actions);
		const queued = [];
		if (Object.values(changes).some((v) => v !== void 0)) queued.push({
			change: {
				kind: "edit",
				changes
			},
			seen
		});
		queued.push(...actions.map((action) => ({ change: {
			kind: "action",
			action
		} })));
		if (queued.length === 0) throw new require_validate_job.AppError("invalid_input", "Nothing to change.", { details: { field: "changes" } });
		const receipt = await this.write(ref, queued);
		if (changes.new_email && receipt.lead) this.noticeTestMode(changes.new_email, receipt.lead.email);
		return receipt;
	}
	async applyActions(ref, actions) {
		await this.deps.account.assertNamesExist(actions);
		return this.write(ref, actions.map((action) => ({ change: {
			kind: "action",
			action
		} })));
	}
	/** Free for a new lead or a new_email? A deleted lead keeps its address reserved at Kartra. */
	async checkEmail(email, exceptLeadId) {
		const { client } = this.deps.connection.require();
		try {
			const found = await client.searchLead({ email }, { lane: "interactive" });
			if (!found || found.id === exceptLeadId) return {
				available: true,
				reason: null,
				leadId: found?.id ?? null
			};
			return {
				available: false,
				reason: `Another lead (id ${found.id}) already uses ${email}.`,
				leadId: found.id
			};
		} catch (error) {
			if (error instanceof KartraApiError && error.type === "245") return {
				available: false,
				reason: `${email} belongs to a deleted lead; Kartra keeps that address reserved. Restore the lead in Kartra or use another address.`,
				leadId: null
			};
			throw error;
		}
	}
	async write(ref, changes) {
		const session = this.deps.connection.require();
		const queued = this.deps.outbox.enqueue(ref, changes);
		const settled = await this.deps.outbox.waitFor(queued, this.deps.confirmWaitMs ?? 5e3);
		const confirmed = settled.every((v) => v.status === "done");
		const failed = settled.find((v) => v.status === "failed");
		if (failed?.error && settled.every((v) => v.status === "failed")) throw new require_validate_job.AppError(failed.error.code, failed.error.message, {
			retryable: failed.error.retryable,
			details: failed.error.details
		});
		const leadId = settled.find((v) => v.leadId)?.leadId ?? ("id" in ref ? ref.id : void 0);
		let lead = null;
		if (leadId) {
			lead = confirmed ? await this.read(session, { id: leadId }).catch(() => null) : null;
			lead ??= this.projected(session, leadId, settled);
		}
		return {
			changes: settled,
			confirmed,
			lead
		};
	}
	projected(session, leadId, views) {
		const cached = this.deps.cache.get(session.account.id, { id: leadId });
		if (!cached) return null;
		return views.filter((v) => v.status !== "done" && v.status !== "failed").reduce((l, v) => projectChange(l, v.change), cached.lead);
	}
	async read(session, ref) {
		try {
			const lead = await session.client.getLead(ref, { lane: "interactive" });
			this.deps.cache.put(session.account.id, lead);
			this.deps.outbox.connectivity.reportSuccess();
			return lead;
		} catch (error) {
			this.deps.outbox.connectivity.reportFailure(error);
			if (error instanceof KartraApiError && (error.type === "234" || error.type === "243")) throw new require_validate_job.AppError("not_found", `No lead with ${ref.id ? `id ${ref.id}` : `email ${ref.email}`} in this Kartra account.`, { details: {
				kartraType: error.type,
				kartraMessage: error.kartraMessage
			} });
			throw error;
		}
	}
	offlineCopy(session, ref, error) {
		if (!(isOfflineError(error) || isNotSent(error) || error instanceof TransportError)) return void 0;
		return this.deps.cache.get(session.account.id, ref);
	}
	/** Kartra's Test Mode rewrites every new address to @kartra.com: when that happens, mark the account. */
	noticeTestMode(sent, stored) {
		const session = this.deps.connection.current();
		if (!session || session.account.testMode) return;
		if (!(stored.toLowerCase().endsWith("@kartra.com") && !sent.toLowerCase().endsWith("@kartra.com"))) return;
		this.deps.accounts.update(session.account.id, { testMode: true });
		this.deps.connection.reloadAccount(session.account.id);
	}
};
function parseLeadQuery(query) {
	const q = query.trim();
	if (/^\d+$/.test(q)) return { id: q };
	if (EMAIL.test(q)) return { email: q };
	throw new require_validate_job.AppError("invalid_input", `"${q.slice(0, 80)}" is neither an email address nor a numeric lead id.`, { details: { field: "query" } });
}
// src/main/core/store/account-cache-repo.ts
var AccountCacheRepo = class {
	db;
	constructor(db) {
		this.db = db;
	}
	get(accountId, kind) {
		const row = this.db.prepare("SELECT items_json, fetched_at FROM account_cache WHERE account_id = ? AND kind = ?").get(accountId, kind);
		return row && {
			items: JSON.parse(row.items_json),
			fetchedAt: row.fetched_at
		};
	}
	put(accountId, kind, items, fetchedAt = Date.now()) {
		this.db.prepare(`INSERT INTO account_cache (account_id, kind, items_json, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(account_id, kind) DO UPDATE SET items_json = excluded.items_json, fetched_at = excluded.fetched_at`).run(accountId, kind, JSON.stringify(items), fetchedAt);
		return {
			items,
			fetchedAt
		};
	}
};
// src/main/core/store/accounts-repo.ts
var fromRaw = (r) => ({
	id: r.id,
	label: r.label,
	kind: r.kind,
	appId: r.app_id,
	apiUrl: r.api_url,
	testMode: r.test_mode === 1,
	createdAt: r.created_at
});
var AccountsRepo = class {
	db;
	constructor(db) {
		this.db = db;
	}
	list() {
		return this.db.prepare("SELECT * FROM accounts ORDER BY created_at, label").all().map(fromRaw);
	}
	get(id) {
		const row = this.db.prepare("SELECT * FROM accounts WHERE id = ?").get(id);
		return row && fromRaw(row);
	}
	findSandbox() {
		const row = this.db.prepare("SELECT * FROM accounts WHERE kind = 'sandbox' ORDER BY created_at LIMIT 1").get();
		return row && fromRaw(row);
	}
	insert(input) {
		const row = {
			...input,
			id: input.id ?? (0, node_crypto.randomUUID)(),
			createdAt: Date.now()
		};
		this.db.prepare("INSERT INTO accounts (id, label, kind, app_id, api_url, test_mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(row.id, row.label, row.kind, row.appId, row.apiUrl, row.testMode ? 1 : 0, row.createdAt);
		return row;
	}
	update(id, patch) {
		const current = this.get(id);
		if (!current) return;
		const next = {
			...current,
			...patch
		};
		this.db.prepare("UPDATE accounts SET label = ?, app_id = ?, api_url = ?, test_mode = ? WHERE id = ?").run(next.label, next.appId, next.apiUrl, next.testMode ? 1 : 0, id);
	}
	delete(id) {
		this.db.prepare("DELETE FROM accounts WHERE id = ?").run(id);
	}
};
// src/main/core/store/migrations.ts
var MIGRATIONS = [
	{
		version: 1,
		name: "accounts, settings, account cache, lead cache",
		sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('kartra', 'sandbox')),
        app_id TEXT NOT NULL,
        api_url TEXT NOT NULL,
        test_mode INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE account_cache (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        items_json TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, kind)
      );
      CREATE TABLE lead_cache (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_id TEXT NOT NULL,
        email TEXT NOT NULL,
        lead_json TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, lead_id)
      );
      CREATE INDEX lead_cache_email ON lead_cache (account_id, email);
    `
	},
	{
		version: 2,
		name: "searchable lead cache (FTS5)",
		sql: `
      CREATE TABLE leads_seen (
        row_id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_id TEXT NOT NULL,
        email TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        score INTEGER NOT NULL DEFAULT 0,
        lead_json TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        UNIQUE (account_id, lead_id)
      );
      CREATE INDEX leads_seen_email ON leads_seen (account_id, email);
      CREATE INDEX leads_seen_name ON leads_seen (account_id, name COLLATE NOCASE, row_id);
      INSERT INTO leads_seen (account_id, lead_id, email, lead_json, seen_at)
        SELECT account_id, lead_id, email, lead_json, seen_at FROM lead_cache;
      DROP TABLE lead_cache;
      CREATE VIRTUAL TABLE leads_fts USING fts5(
        name, email, company, tags,
        content = 'leads_seen', content_rowid = 'row_id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE TRIGGER leads_seen_ai AFTER INSERT ON leads_seen BEGIN
        INSERT INTO leads_fts (rowid, name, email, company, tags) VALUES (new.row_id, new.name, new.email, new.company, new.tags);
      END;
      CREATE TRIGGER leads_seen_ad AFTER DELETE ON leads_seen BEGIN
        INSERT INTO leads_fts (leads_fts, rowid, name, email, company, tags) VALUES ('delete', old.row_id, old.name, old.email, old.company, old.tags);
      END;
      CREATE TRIGGER leads_seen_au AFTER UPDATE ON leads_seen BEGIN
        INSERT INTO leads_fts (leads_fts, rowid, name, email, company, tags) VALUES ('delete', old.row_id, old.name, old.email, old.company, old.tags);
        INSERT INTO leads_fts (rowid, name, email, company, tags) VALUES (new.row_id, new.name, new.email, new.company, new.tags);
      END;
    `
	},
	{
		version: 3,
		name: "durable outbox of lead changes",
		sql: `
      CREATE TABLE outbox_leads (
        local_id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kartra_id TEXT,
        email TEXT NOT NULL
      );
      CREATE INDEX outbox_leads_kartra ON outbox_leads (account_id, kartra_id);
      CREATE INDEX outbox_leads_email ON outbox_leads (account_id, email);
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_local_id INTEGER NOT NULL REFERENCES outbox_leads(local_id) ON DELETE CASCADE,
        change_json TEXT NOT NULL,
        seen_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'failed', 'conflict')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error_json TEXT,
        conflict_json TEXT,
        verify_json TEXT,
        made_offline INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_by_lead ON outbox (account_id, lead_local_id, id);
      CREATE INDEX outbox_by_status ON outbox (account_id, status, id);
    `
	},
	{
		version: 4,
		name: "import and recipe jobs, row journal, remembered mappings, recipes",
		sql: `
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('import', 'recipe')),
      name TEXT NOT NULL,
      status TEXT NOT NULL,
      pause_reason TEXT,
      error TEXT,
      source_path TEXT,
      file_bytes INTEGER NOT NULL DEFAULT 0,
      received_bytes INTEGER NOT NULL DEFAULT 0,
      analysis_json TEXT,
      layout_json TEXT,
      headers_json TEXT,
      validated_json TEXT,
      mapping_json TEXT,
      fields_json TEXT,
      options_json TEXT,
      total INTEGER NOT NULL DEFAULT 0,
      counts_json TEXT,
      cursor_row INTEGER NOT NULL DEFAULT 1,
      calls INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      started_at INTEGER,
      finished_at INTEGER
    );
    CREATE INDEX jobs_by_account ON jobs (account_id, created_at);
    CREATE TABLE job_rows (
      job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      row INTEGER NOT NULL,
      status TEXT NOT NULL,
      excluded INTEGER NOT NULL DEFAULT 0,
      fixed_json TEXT,
      errors_json TEXT,
      email TEXT,
      step TEXT,
      outcome TEXT,
      reason TEXT,
      lead_id TEXT,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (job_id, row)
    ) WITHOUT ROWID;
    CREATE INDEX job_rows_by_status ON job_rows (job_id, status, row);
    CREATE INDEX job_rows_by_email ON job_rows (job_id, email);
    CREATE TABLE import_mappings (
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      header_key TEXT NOT NULL,
      mapping_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (account_id, header_key)
    );
    CREATE TABLE recipes (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      actions_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX recipes_by_account ON recipes (account_id, name);
  `
	}
];
// src/main/core/store/database.ts
function openDatabase(file, migrations = MIGRATIONS) {
	if (file !== ":memory:") (0, node_fs.mkdirSync)((0, node_path.dirname)(file), { recursive: true });
	const db = new node_sqlite.DatabaseSync(file);
	db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
	migrate(db, migrations);
	return db;
}
/** Applies every migration newer than the database's user_version, each in its own transaction. */
function migrate(db, migrations) {
	const current = Number(db.prepare("PRAGMA user_version").get().user_version);
	let applied = 0;
	for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
		if (migration.version <= current) continue;
		transaction(db, () => {
			db.exec(migration.sql);
			db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
		});
		applied++;
	}
	return applied;
}
/** Runs fn inside BEGIN IMMEDIATE … COMMIT, rolling back on any throw. Not re-entrant. */
function transaction(db, fn) {
	db.exec("BEGIN IMMEDIATE");
	try {
		const result = fn();
		db.exec("COMMIT");
		return result;
	} catch (error) {
		db.exec("ROLLBACK");
		throw error;
	}
}
// src/main/core/store/lead-cache-repo.ts
var TAG_SEPARATOR = "";
function leadName(lead) {
	return [lead.first_name, lead.last_name].filter(Boolean).join(" ");
}
/**
* Turns what the user typed into an FTS5 query: every word must prefix-match some column.
* Words are quoted so FTS syntax characters (", *, -, :, parentheses) are taken literally.
*/
function toFtsQuery(text) {
	const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
	return words.length ? words.map((w) => `"${w}"*`).join(" ") : void 0;
}
/** Counting stops here: "10,000+ matches" is as useful as the exact number and keeps every keystroke fast. */
var SEARCH_COUNT_CAP = 1e4;
var LeadCacheRepo = class {
	db;
	statements = /* @__PURE__ */ new Map();
	constructor(db) {
		this.db = db;
	}
	/** Prepared once per SQL text: preparing dominates the cost of these small queries. */
	sql(text) {
		let statement = this.statements.get(text);
		if (!statement) {
			statement = this.db.prepare(text);
			this.statements.set(text, statement);
		}
		return statement;
	}
	put(accountId, lead, seenAt = Date.now()) {
		this.sql(`INSERT INTO leads_seen (account_id, lead_id, email, name, company, country, tags, score, lead_json, seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(account_id, lead_id) DO UPDATE SET email = excluded.email, name = excluded.name, company = excluded.company,
           country = excluded.country, tags = excluded.tags, score = excluded.score, lead_json = excluded.lead_json, seen_at = excluded.seen_at`).run(accountId, lead.id, lead.email.toLowerCase(), leadName(lead), lead.company, lead.country, lead.tags.join(TAG_SEPARATOR), lead.score, JSON.stringify(lead), seenAt);
	}
	get(accountId, ref) {
		const row = ref.id !== void 0 ? this.sql("SELECT lead_json, seen_at FROM leads_seen WHERE account_id = ? AND lead_id = ?").get(accountId, ref.id) : this.sql("SELECT lead_json, seen_at FROM leads_seen WHERE account_id = ? AND email = ?").get(accountId, (ref.email ?? "").toLowerCase());
		return row && {
			lead: JSON.parse(row.lead_json),
			seenAt: row.seen_at
		};
	}
	/** A page of matching rows (all rows, by name, when the query has no words) and the total count. */
	search(accountId, query, offset, limit) {
		const fts = toFtsQuery(query);
		const columns = "s.lead_id, s.email, s.name, s.company, s.country, s.tags, s.score, s.seen_at";
		if (!fts) {
			const rows = this.sql(`SELECT ${columns} FROM leads_seen s WHERE s.account_id = ? ORDER BY s.name COLLATE NOCASE, s.row_id LIMIT ? OFFSET ?`).all(accountId, limit, offset);
			const total = this.sql("SELECT COUNT(*) AS n FROM leads_seen WHERE account_id = ?").get(accountId).n;
			return {
				rows: rows.map(toRow),
				total
			};
		}
		const rows = this.sql(`SELECT ${columns} FROM leads_fts f JOIN leads_seen s ON s.row_id = f.rowid
       WHERE leads_fts MATCH ? AND s.account_id = ? LIMIT ? OFFSET ?`).all(fts, accountId, limit, offset);
		const total = this.sql(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM leads_fts f JOIN leads_seen s ON s.row_id = f.rowid
         WHERE leads_fts MATCH ? AND s.account_id = ? LIMIT ${SEARCH_COUNT_CAP})`).get(fts, accountId).n;
		return {
			rows: rows.map(toRow),
			total
		};
	}
	newestSeenAt(accountId) {
		return this.sql("SELECT MAX(seen_at) AS t FROM leads_seen WHERE account_id = ?").get(accountId).t;
	}
};
function toRow(r) {
	return {
		id: r.lead_id,
		email: r.email,
		name: r.name,
		company: r.company,
		country: r.country,
		tags: r.tags ? r.tags.split(TAG_SEPARATOR) : [],
		score: r.score,
		seenAt: r.seen_at
	};
}
// src/main/core/outbox/outbox-repo.ts
var SELECT_ITEM = `SELECT o.*, l.kartra_id, l.email FROM outbox o JOIN outbox_leads l ON l.local_id = o.lead_local_id`;
var parse = (json) => json === null ? null : JSON.parse(json);
function toItem(r) {
	return {
		id: r.id,
		accountId: r.account_id,
		lead: {
			localId: r.lead_local_id,
			accountId: r.account_id,
			kartraId: r.kartra_id,
			email: r.email
		},
		change: JSON.parse(r.change_json),
		seen: parse(r.seen_json),
		status: r.status,
		attempts: r.attempts,
		error: parse(r.error_json),
		conflict: parse(r.conflict_json),
		verify: parse(r.verify_json),
		madeOffline: r.made_offline === 1,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}
var OutboxRepo = class {
	db;
	statements = /* @__PURE__ */ new Map();
	constructor(db) {
		this.db = db;
	}
	sql(text) {
		let statement = this.statements.get(text);
		if (!statement) this.statements.set(text, statement = this.db.prepare(text));
		return statement;
	}
	/**
	* Writes the changes for one lead in one transaction, before anything is sent. The lead is found by
	* Kartra id, else by email (so a queued create and later edits of the same address share a queue).
	*/
	enqueue(accountId, ref, changes, madeOffline, now = Date.now()) {
		return transaction(this.db, () => {
			const lead = this.findOrCreateLead(accountId, ref);
			return changes.map(({ change, seen }) => {
				const result = this.sql(`INSERT INTO outbox (account_id, lead_local_id, change_json, seen_json, status, made_offline, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`).run(accountId, lead.localId, JSON.stringify(change), seen ? JSON.stringify(seen) : null, madeOffline ? 1 : 0, now, now);
				return Number(result.lastInsertRowid);
			}).map((id) => this.get(id));
		});
	}
	findOrCreateLead(accountId, ref) {
		const email = ref.email?.toLowerCase();
		const found = (ref.id ? this.sql("SELECT * FROM outbox_leads WHERE account_id = ? AND kartra_id = ?").get(accountId, ref.id) : void 0) ?? (email && !ref.id ? this.sql("SELECT * FROM outbox_leads WHERE account_id = ? AND email = ? ORDER BY local_id DESC").get(accountId, email) : void 0);
		if (found) return fromRawLead(found);
		const result = this.sql("INSERT INTO outbox_leads (account_id, kartra_id, email) VALUES (?, ?, ?)").run(accountId, ref.id ?? null, email ?? "");
		return {
			localId: Number(result.lastInsertRowid),
			accountId,
			kartraId: ref.id ?? null,
			email: email ?? ""
		};
	}
	get(id) {
		const row = this.sql(`${SELECT_ITEM} WHERE o.id = ?`).get(id);
		return row && toItem(row);
	}
	list(accountId, statuses, limit) {
		const wanted = statuses.length ? statuses : [
			"pending",
			"in_flight",
			"failed",
			"conflict"
		];
		const marks = wanted.map(() => "?").join(", ");
		return this.db.prepare(`${SELECT_ITEM} WHERE o.account_id = ? AND o.status IN (${marks}) ORDER BY o.id LIMIT ?`).all(accountId, ...wanted, limit).map(toItem);
	}
	forLead(accountId, leadId) {
		return this.sql(`${SELECT_ITEM} WHERE o.account_id = ? AND l.kartra_id = ? ORDER BY o.id`).all(accountId, leadId).map(toItem);
	}
	counts(accountId) {
		const counts = {
			pending: 0,
			in_flight: 0,
			failed: 0,
			conflict: 0
		};
		for (const row of this.sql("SELECT status, COUNT(*) AS n FROM outbox WHERE account_id = ? GROUP BY status").all(accountId)) counts[row.status] = row.n;
		return counts;
	}
	/**
	* The leads that can be dispatched now: their oldest item is pending or in flight (a failed create
	* or a conflict blocks the rest of that lead's queue, to keep per-lead order), oldest first.
	*/
	readyLeads(accountId, exclude, limit) {
		const rows = this.sql(`SELECT o.lead_local_id AS lead, o.status AS status, o.change_json AS change FROM outbox o
       JOIN (SELECT lead_local_id, MIN(id) AS head FROM outbox WHERE account_id = ? AND status IN ('pending', 'in_flight', 'conflict', 'failed')
             AND NOT (status = 'failed' AND json_extract(change_json, '$.kind') = 'action') GROUP BY lead_local_id) h ON h.head = o.id
       ORDER BY o.id`).all(accountId);
		const ready = [];
		for (const row of rows) {
			if (ready.length >= limit) break;
			if ((row.status === "pending" || row.status === "in_flight") && !exclude.has(row.lead)) ready.push(row.lead);
		}
		return ready;
	}
	/** The lead's items still to send, in order, skipping failed actions (they do not block the queue). */
	queueOf(leadLocalId) {
		return this.sql(`${SELECT_ITEM} WHERE o.lead_local_id = ? AND o.status IN ('pending', 'in_flight', 'conflict', 'failed') ORDER BY o.id`).all(leadLocalId).map(toItem);
	}
	markInFlight(ids, verify, now = Date.now()) {
		transaction(this.db, () => {
			for (const id of ids) {
				const v = verify.get(id);
				this.sql(`UPDATE outbox SET status = 'in_flight', attempts = attempts + 1, verify_json = ?, updated_at = ? WHERE id = ?`).run(v ? JSON.stringify(v) : null, now, id);
			}
		});
	}
	/** Kartra confirmed these: remove them, and record what the lead is now known as. */
	complete(ids, lead) {
		transaction(this.db, () => {
			for (const id of ids) this.sql("DELETE FROM outbox WHERE id = ?").run(id);
			if (lead.kartraId !== void 0) this.sql("UPDATE outbox_leads SET kartra_id = ? WHERE local_id = ?").run(lead.kartraId, lead.localId);
			if (lead.email !== void 0) this.sql("UPDATE outbox_leads SET email = ? WHERE local_id = ?").run(lead.email.toLowerCase(), lead.localId);
			this.dropIdleLead(lead.localId);
		});
	}
	setStatus(ids, status, extra = {}, now = Date.now()) {
		transaction(this.db, () => {
			for (const id of ids) {
				this.sql(`UPDATE outbox SET status = ?, error_json = ?, conflict_json = COALESCE(?, conflict_json), updated_at = ? WHERE id = ?`).run(status, extra.error ? JSON.stringify(extra.error) : null, extra.conflict ? JSON.stringify(extra.conflict) : null, now, id);
				if (extra.conflict === null) this.sql("UPDATE outbox SET conflict_json = NULL WHERE id = ?").run(id);
			}
		});
	}
	replaceChange(id, change, seen, now = Date.now()) {
		this.sql(`UPDATE outbox SET change_json = ?, seen_json = COALESCE(?, seen_json), status = 'pending', error_json = NULL, conflict_json = NULL, updated_at = ? WHERE id = ?`).run(JSON.stringify(change), seen ? JSON.stringify(seen) : null, now, id);
	}
	/** These waited for the network: an edit among them is checked for conflicts before it is sent. */
	markMadeOffline(ids) {
		transaction(this.db, () => {
			for (const id of ids) this.sql("UPDATE outbox SET made_offline = 1 WHERE id = ?").run(id);
		});
	}
	/** Collapsed or discarded items: gone without being sent. */
	remove(ids) {
		transaction(this.db, () => {
			const leads = /* @__PURE__ */ new Set();
			for (const id of ids) {
				const row = this.sql("SELECT lead_local_id FROM outbox WHERE id = ?").get(id);
				if (!row) continue;
				leads.add(row.lead_local_id);
				this.sql("DELETE FROM outbox WHERE id = ?").run(id);
			}
			for (const lead of leads) this.dropIdleLead(lead);
		});
	}
	/** After a crash, items that were in flight must be checked against Kartra before anything is re-sent. */
	inFlight(accountId) {
		return this.sql(`${SELECT_ITEM} WHERE o.account_id = ? AND o.status = 'in_flight' ORDER BY o.id`).all(accountId).map(toItem);
	}
	dropIdleLead(localId) {
		this.sql("DELETE FROM outbox_leads WHERE local_id = ? AND kartra_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox WHERE lead_local_id = ?)").run(localId, localId);
	}
};
var fromRawLead = (r) => ({
	localId: r.local_id,
	accountId: r.account_id,
	kartraId: r.kartra_id,
	email: r.email
});
// src/main/core/outbox/conflicts.ts
/** Keys of `seen`: a lead field name, or `custom:<identifier>` for a custom field. */
function currentValue(lead, key) {
	if (key.startsWith("custom:")) {
		const field = lead.custom_fields.find((f) => f.field_identifier === key.slice(7));
		if (!field) return "";
		return typeof field.value === "string" ? field.value : field.value.map((o) => o.option_id).sort().join(",");
	}
	if (key === "new_email") return lead.email;
	const value = lead[key];
	return value === void 0 || value === null ? "" : String(value);
}
function wantedValue(changes, key) {
	if (key.startsWith("custom:")) {
		const field = changes.custom_fields?.find((f) => f.field_identifier === key.slice(7));
		if (!field) return void 0;
		return Array.isArray(field.field_value) ? [...field.field_value].sort().join(",") : field.field_value;
	}
	const value = changes[key];
	return value === void 0 ? void 0 : String(value);
}
function findConflicts(lead, changes, seen) {
	const conflicts = [];
	for (const [key, seenValue] of Object.entries(seen)) {
		const mine = wantedValue(changes, key);
		if (mine === void 0) continue;
		const theirs = currentValue(lead, key);
		if (theirs !== seenValue && theirs !== mine) conflicts.push({
			field: key,
			seen: seenValue,
			mine,
			theirs
		});
	}
	return conflicts;
}
/** The edit without the given fields ("keep Kartra's" for those). */
function withoutFields(changes, keys) {
	const next = { ...changes };
	for (const key of keys) if (key.startsWith("custom:")) {
		const id = key.slice(7);
		next.custom_fields = (changes.custom_fields ?? []).filter((f) => f.field_identifier !== id);
	} else delete next[key];
	if (Array.isArray(next.custom_fields) && next.custom_fields.length === 0) delete next.custom_fields;
	return next;
}
function isEmptyEdit(changes) {
	return Object.values(changes).every((v) => v === void 0);
}
var sendable = (item) => item.status === "pending" || item.status === "in_flight";
/** The identity of what an action sets: a later action on the same thing decides its final state. */
function setKey(action) {
	switch (action.cmd) {
		case "assign_tag":
		case "unassign_tag": return `tag:${action.tag_name}`;
		case "subscribe_lead_to_list":
		case "unsubscribe_lead_from_list": return `list:${action.list_name}`;
		case "subscribe_lead_to_sequence_at_step":
		case "unsubscribe_lead_from_sequence": return `sequence:${action.sequence_name}`;
		case "calendar_subscribe":
		case "calendar_cancel": return `calendar:${action.calendar_name}\u0000${action.class_name}`;
		default: return;
	}
}
/**
* Whether the action alone decides the final state of what it sets, whatever came before it. An unsubscribe
* does not: after "subscribe, unsubscribe" a lead that was never on the list keeps it as inactive, which the
* unsubscribe alone would not do. Calendar bookings are records, not a state, and are never collapsed.
*/
function decidesAlone(action) {
	return action.cmd === "assign_tag" || action.cmd === "unassign_tag" || action.cmd === "subscribe_lead_to_list" || action.cmd === "subscribe_lead_to_sequence_at_step";
}
/** Net points of plain give/remove actions (no expiration); undefined for anything else. */
function pointsDelta$1(action) {
	if (action.cmd === "give_points_to_lead" && action.expiration === void 0) return action.points;
	if (action.cmd === "remove_points_from_lead") return -action.points;
}
function buildBatch(all) {
	const queue = all.filter((i) => !(i.status === "failed" && i.change.kind === "action"));
	let index = 0;
	const first = queue[0];
	if (!first || !sendable(first)) return void 0;
	let head = { kind: "actions" };
	if (first.change.kind === "create" || first.change.kind === "edit") {
		const items = [first];
		index = 1;
		if (first.change.kind === "create") {
			let lead = { ...first.change.lead };
			while (queue[index] && sendable(queue[index]) && queue[index].change.kind === "edit" && first.status === "pending") {
				const edit = queue[index].change;
				lead = mergeIntoCreate(lead, edit.changes);
				items.push(queue[index]);
				index++;
			}
			head = {
				kind: "create",
				lead,
				items
			};
		} else {
			let changes = { ...first.change.changes };
			const seen = { ...first.seen ?? {} };
			while (queue[index] && sendable(queue[index]) && queue[index].change.kind === "edit") {
				const next = queue[index];
				changes = mergeEdits(changes, next.change.changes);
				for (const [field, value] of Object.entries(next.seen ?? {})) if (!(field in seen)) seen[field] = value;
				items.push(next);
				index++;
			}
			head = {
				kind: "edit",
				changes,
				seen,
				items
			};
		}
	}
	const actions = [];
	const bySetKey = /* @__PURE__ */ new Map();
	let points;
	for (; index < queue.length && actions.length < 20; index++) {
		const item = queue[index];
		if (!sendable(item) || item.change.kind !== "action") break;
		const action = item.change.action;
		const key = setKey(action);
		const delta = pointsDelta$1(action);
		if (key !== void 0) {
			const earlier = bySetKey.get(key);
			if (earlier && decidesAlone(action)) {
				earlier.items.push(item);
				earlier.action = action;
				continue;
			}
			const entry = {
				action,
				items: [item],
				merged: false
			};
			bySetKey.set(key, entry);
			actions.push(entry);
		} else if (delta !== void 0 && points && !(delta > 0 && (pointsDelta$1(points.action) ?? 0) < 0)) {
			points.items.push(item);
			points.merged = true;
			const net = (pointsDelta$1(points.action) ?? 0) + delta;
			points.action = net >= 0 ? {
				cmd: "give_points_to_lead",
				points: net
			} : {
				cmd: "remove_points_from_lead",
				points: -net
			};
		} else {
			const entry = {
				action,
				items: [item],
				merged: false
			};
			points = delta !== void 0 ? entry : action.cmd === "give_points_to_lead" ? void 0 : points;
			actions.push(entry);
		}
	}
	const items = [...head.kind === "actions" ? [] : head.items, ...actions.flatMap((a) => a.items)].sort((a, b) => a.id - b.id);
	if (head.kind === "actions" && actions.length === 0) return void 0;
	return {
		head,
		actions,
		items
	};
}
/** Actions whose net effect is nothing (points that cancel out): settled without sending. */
function isNoop(entry) {
	return entry.merged && (entry.action.cmd === "give_points_to_lead" || entry.action.cmd === "remove_points_from_lead") && entry.action.points === 0;
}
function mergeEdits(a, b) {
	const merged = {
		...a,
		...b
	};
	if (a.custom_fields || b.custom_fields) {
		const fields = new Map((a.custom_fields ?? []).map((f) => [f.field_identifier, f]));
		for (const f of b.custom_fields ?? []) fields.set(f.field_identifier, f);
		merged.custom_fields = [...fields.values()];
	}
	return merged;
}
function mergeIntoCreate(lead, edit) {
	const { new_email, ...rest } = mergeEdits(lead, edit);
	return {
		...rest,
		email: new_email ?? lead.email
	};
}
// src/main/core/outbox/recovery.ts
function pointsDelta(action) {
	if (action.cmd === "give_points_to_lead") return action.points;
	if (action.cmd === "remove_points_from_lead") return -action.points;
	return 0;
}
function calendarBooked(lead, action) {
	if (!lead.calendars) return void 0;
	return lead.calendars.some((c) => c.calendar_name === action.calendar_name && c.class_name === action.class_name && c.active);
}
/** `lead` is Kartra's current copy, or null when Kartra has no such lead. All items are in flight for one lead. */
function planRecovery(lead, items) {
	const plan = {
		applied: [],
		resend: [],
		unsure: {
			items: [],
			error: {
				code: "conflict",
				message: "",
				retryable: false
			}
		}
	};
	const create = items.find((i) => i.change.kind === "create");
	if (create) {
		if (!lead) {
			plan.resend.push(...items);
			return plan;
		}
		plan.applied.push(create);
		plan.kartraId = lead.id;
	}
	if (!lead) {
		plan.resend.push(...items.filter((i) => i !== create));
		return plan;
	}
	const points = items.filter((i) => i.change.kind === "action" && pointsDelta(i.change.action) !== 0);
	if (points.length > 0) {
		const before = points[0].verify?.scoreBefore;
		const deltas = points.map((i) => pointsDelta(i.change.action));
		const capped = before === void 0 ? void 0 : deltas.reduce((score, d) => Math.max(0, score + d), before);
		const uncapped = before === void 0 ? void 0 : deltas.reduce((score, d) => score + d, before);
		const applied = (score) => score !== void 0 && lead.score === score && score !== before;
		if (applied(capped) || applied(uncapped)) plan.applied.push(...points);
		else if (before !== void 0 && lead.score === before) plan.resend.push(...points);
		else {
			plan.unsure.items.push(...points);
			plan.unsure.error.message = before === void 0 ? "The connection was lost while these points were being sent. Check the lead's score in Kartra, then retry or discard." : `The connection was lost while these points were being sent, and the score is now ${lead.score} (it was ${before} before). Check the lead in Kartra, then retry or discard.`;
		}
	}
	for (const item of items) {
		if (item === create || points.includes(item)) continue;
		const change = item.change;
		if (change.kind === "action" && (change.action.cmd === "calendar_subscribe" || change.action.cmd === "calendar_cancel")) {
			if (calendarBooked(lead, change.action) === (change.action.cmd === "calendar_subscribe")) plan.applied.push(item);
			else plan.resend.push(item);
			continue;
		}
		plan.resend.push(item);
	}
	return plan;
}
var OutboxDispatcher = class {
	deps;
	active = /* @__PURE__ */ new Set();
	scheduled = false;
	stopped = false;
	idleWaiters = [];
	constructor(deps) {
		this.deps = deps;
	}
	/** Look for work soon (after an enqueue, a retry, coming online, an account switch). */
	kick() {
		if (this.scheduled || this.stopped) return;
		this.scheduled = true;
		queueMicrotask(() => {
			this.scheduled = false;
			this.pump();
		});
	}
	stop() {
		this.stopped = true;
	}
	/** Resolves when nothing is in flight (used on shutdown and by tests). */
	idle() {
		return this.active.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
	}
	pump() {
		if (this.stopped) return;
		const session = this.deps.session();
		if (!session || !this.deps.connectivity.isOnline()) return;
		const accountId = session.account.id;
		const room = (this.deps.concurrency ?? 24) - this.active.size;
		if (room <= 0) return;
		for (const leadLocalId of this.deps.repo.readyLeads(accountId, this.active, room)) {
			this.active.add(leadLocalId);
			this.processLead(session, leadLocalId).catch((error) => this.deps.log.error("outbox dispatch failed", { error })).finally(() => {
				this.active.delete(leadLocalId);
				if (this.active.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
				this.kick();
			});
		}
	}
	async processLead(session, leadLocalId) {
		const batch = buildBatch(this.deps.repo.queueOf(leadLocalId));
		if (!batch) return;
		if (batch.items.some((i) => i.status === "in_flight")) {
			await this.recover(session, batch.items.filter((i) => i.status === "in_flight"));
			return;
		}
		const lead = batch.items[0].lead;
		const ref = lead.kartraId ? { id: lead.kartraId } : { email: lead.email };
		const waited = (i) => i.madeOffline || Date.now() - i.createdAt > 3e3;
		const needsConflictCheck = batch.head.kind === "edit" && batch.head.items.some(waited) && Object.keys(batch.head.seen).length > 0;
		const hasPoints = batch.actions.some((a) => a.action.cmd === "give_points_to_lead" || a.action.cmd === "remove_points_from_lead");
		let current;
		if ((needsConflictCheck || hasPoints) && batch.head.kind !== "create") {
			const read = await this.read(session, ref);
			if (read === "offline") {
				this.deps.repo.markMadeOffline(batch.items.map((i) => i.id));
				return;
			}
			current = read ?? void 0;
		}
		if (needsConflictCheck && current && batch.head.kind === "edit") {
			const conflicts = findConflicts(current, batch.head.changes, batch.head.seen);
			if (conflicts.length > 0) {
				this.deps.repo.setStatus(batch.head.items.map((i) => i.id), "conflict", { conflict: conflicts });
				this.report(batch.head.items.map((i) => i.id), "conflict");
				return;
			}
		}
		const noops = batch.actions.filter(isNoop);
		if (noops.length > 0) this.settle(noops.flatMap((a) => a.items), lead.localId, {});
		const actions = batch.actions.filter((a) => !isNoop(a));
		const verify = /* @__PURE__ */ new Map();
		if (current) for (const a of actions) for (const item of a.items) verify.set(item.id, { scoreBefore: current.score });
		const sentItems = [...batch.head.kind === "actions" ? [] : batch.head.items, ...actions.flatMap((a) => a.items)];
		if (sentItems.length === 0) return;
		this.deps.repo.markInFlight(sentItems.map((i) => i.id), verify);
		this.report(sentItems.map((i) => i.id), "in_flight");
		try {
			const wire = actions.map((a) => a.action);
			const outcome = batch.head.kind === "create" ? await session.client.createLead(batch.head.lead, wire, { lane: "outbox" }) : batch.head.kind === "edit" ? await session.client.editLead(ref, batch.head.changes, wire, { lane: "outbox" }) : await session.client.runActions(ref, wire, { lane: "outbox" });
			this.deps.connectivity.reportSuccess();
			const leadId = outcome.leadId ?? lead.kartraId ?? void 0;
			const newEmail = batch.head.kind === "edit" ? batch.head.changes.new_email : batch.head.kind === "create" ? batch.head.lead.email : void 0;
			if (batch.head.kind !== "actions") this.settle(batch.head.items, lead.localId, {
				kartraId: leadId,
				email: newEmail
			});
			actions.forEach((entry, index) => {
				const result = outcome.results[index];
				if (result?.ok) {
					this.settle(entry.items, lead.localId, { kartraId: leadId });
					return;
				}
				if (result?.notRun) {
					this.requeue(entry.items);
					return;
				}
				const error = toAppError(new KartraApiError(result?.kartraType ?? "", result?.message ?? "Kartra did not report on this change", entry.action.cmd)).toData();
				const sent = entry.merged ? entry.items : entry.items.slice(-1);
				this.fail(sent, error);
				this.requeue(entry.items.filter((i) => !sent.includes(i)));
			});
			if (leadId) this.deps.onConfirmed(session.account.id, leadId);
		} catch (error) {
			await this.handleFailure(session, sentItems, error);
		}
	}
	async handleFailure(session, items, error) {
		if (isNotSent(error)) {
			this.deps.connectivity.reportFailure(error);
			this.deps.repo.markMadeOffline(items.map((i) => i.id));
			this.requeue(items);
			return;
		}
		if (error instanceof KartraApiError) {
			this.fail(items, toAppError(error).toData());
			return;
		}
		if (error instanceof UncertainWriteError || error instanceof TransportError && error.sent) {
			this.deps.connectivity.reportFailure(error);
			if (!isOfflineError(error)) await this.recover(session, items.map((i) => ({
				...i,
				status: "in_flight"
			})));
			return;
		}
		this.fail(items, toAppError(error).toData());
	}
	async recover(session, items) {
		const lead = items[0].lead;
		const create = items.find((i) => i.change.kind === "create");
		const ref = lead.kartraId ? { id: lead.kartraId } : { email: create && create.change.kind === "create" ? create.change.lead.email : lead.email };
		const current = await this.read(session, ref);
		if (current === "offline") return;
		const plan = planRecovery(current, items);
		if (plan.applied.length) this.settle(plan.applied, lead.localId, { kartraId: plan.kartraId });
		if (plan.resend.length) this.requeue(plan.resend);
		if (plan.unsure.items.length) this.fail(plan.unsure.items, plan.unsure.error);
	}
	/** Kartra's copy of the lead, null when it has none, 'offline' when it cannot be asked now. */
	async read(session, ref) {
		try {
			const lead = await session.client.getLead(ref, { lane: "outbox" });
			this.deps.connectivity.reportSuccess();
			return lead;
		} catch (error) {
			if (error instanceof KartraApiError && [
				"234",
				"243",
				"245"
			].includes(error.type)) return null;
			this.deps.connectivity.reportFailure(error);
			if (isOfflineError(error) || isNotSent(error) || error instanceof TransportError) return "offline";
			throw error;
		}
	}
	settle(items, localId, lead) {
		if (items.length === 0) return;
		this.report(items.map((i) => i.id), "done", items);
		this.deps.repo.complete(items.map((i) => i.id), {
			localId,
			...lead
		});
	}
	fail(items, error) {
		if (items.length === 0) return;
		this.deps.repo.setStatus(items.map((i) => i.id), "failed", { error });
		this.report(items.map((i) => i.id), "failed");
	}
	requeue(items) {
		if (items.length === 0) return;
		this.deps.repo.setStatus(items.map((i) => i.id), "pending");
		this.report(items.map((i) => i.id), "pending");
	}
	report(ids, status, before) {
		const items = before ?? ids.map((id) => this.deps.repo.get(id)).filter((i) => i !== void 0);
		this.deps.onItems(items, status);
	}
};
// src/main/core/outbox/summary.ts
var label = (field) => field.replace(/_/g, " ").replace(/^lead /, "");
function describeAction(action) {
	switch (action.cmd) {
		case "assign_tag": return `Assign tag ${action.tag_name}`;
		case "unassign_tag": return `Remove tag ${action.tag_name}`;
		case "subscribe_lead_to_list": return `Subscribe to list ${action.list_name}`;
		case "unsubscribe_lead_from_list": return `Unsubscribe from list ${action.list_name}`;
		case "subscribe_lead_to_sequence_at_step": return `Start sequence ${action.sequence_name} at step ${action.step}`;
		case "unsubscribe_lead_from_sequence": return `Stop sequence ${action.sequence_name}`;
		case "give_points_to_lead": return `Give ${action.points} points${action.expiration ? ` (expire in ${action.expiration} days)` : ""}`;
		case "remove_points_from_lead": return `Remove ${action.points} points`;
		case "calendar_subscribe": return `Book ${action.class_name} (${action.calendar_name})`;
		case "calendar_cancel": return `Cancel ${action.class_name} (${action.calendar_name})`;
	}
}
function describeChange(change) {
	switch (change.kind) {
		case "create": return `Create lead ${change.lead.email}`;
		case "action": return describeAction(change.action);
		case "edit": {
			const { new_email, custom_fields, ...fields } = change.changes;
			const parts = Object.keys(fields).filter((k) => fields[k] !== void 0).map(label);
			if (custom_fields?.length) parts.push(...custom_fields.map((f) => f.field_identifier));
			const edit = parts.length ? `Edit ${parts.join(", ")}` : "";
			return [new_email ? `Change email to ${new_email}` : "", edit].filter(Boolean).join("; ") || "Edit lead";
		}
	}
}
function toView(item, status = item.status) {
	return {
		id: item.id,
		accountId: item.accountId,
		leadId: item.lead.kartraId,
		leadEmail: item.lead.email || (item.change.kind === "create" ? item.change.lead.email : ""),
		change: item.change,
		summary: describeChange(item.change),
		status,
		attempts: item.attempts,
		error: item.error,
		conflict: item.conflict,
		madeOffline: item.madeOffline,
		createdAt: item.createdAt,
		updatedAt: item.updatedAt
	};
}
// src/main/core/outbox/outbox-service.ts
var FINAL = /* @__PURE__ */ new Set([
	"done",
	"failed",
	"conflict"
]);
var OutboxService = class {
	deps;
	connectivity;
	dispatcher;
	waiters = /* @__PURE__ */ new Set();
	stateTimer;
	constructor(deps) {
		this.deps = deps;
		this.connectivity = new Connectivity({
			probe: async () => {
				const session = deps.connection.current();
				if (!session) return;
				await session.client.retrieveAccountTags({ lane: "outbox" });
			},
			onChange: () => {
				this.emitState();
				if (this.connectivity.isOnline()) this.dispatcher.kick();
				else this.releaseWaiters();
			},
			backoffMs: deps.probeBackoffMs
		});
		this.dispatcher = new OutboxDispatcher({
			repo: deps.repo,
			session: () => deps.connection.current(),
			connectivity: this.connectivity,
			log: deps.log,
			concurrency: deps.concurrency,
			onItems: (items, status) => this.onItems(items, status),
			onConfirmed: (accountId, leadId) => deps.onLeadUpdated(accountId, leadId)
		});
	}
	/** The account changed (or the app started): send what waits for it. */
	resume() {
		this.emitState();
		this.dispatcher.kick();
	}
	/** Writes the changes durably first, then lets the dispatcher send them. */
	enqueue(ref, changes) {
		const { account } = this.deps.connection.require();
		const views = this.deps.repo.enqueue(account.id, ref, changes, !this.connectivity.isOnline()).map((i) => toView(i));
		views.forEach((v) => this.deps.onItem(v));
		this.emitState();
		this.dispatcher.kick();
		return views;
	}
	/** Waits until each item is done, failed or in conflict, or the time is up; returns the latest views. */
	async waitFor(views, timeoutMs) {
		const waiter = {
			ids: new Set(views.map((v) => v.id)),
			settled: /* @__PURE__ */ new Map(),
			resolve: () => void 0
		};
		const done = new Promise((resolve) => waiter.resolve = resolve);
		this.waiters.add(waiter);
		for (const view of views) {
			const stored = this.deps.repo.get(view.id);
			if (!stored) waiter.settled.set(view.id, {
				...view,
				status: "done"
			});
			else if (FINAL.has(stored.status)) waiter.settled.set(view.id, toView(stored));
		}
		if (waiter.settled.size < waiter.ids.size && this.connectivity.isOnline()) {
			let timer;
			await Promise.race([done, new Promise((resolve) => timer = setTimeout(resolve, timeoutMs))]);
			clearTimeout(timer);
		}
		this.waiters.delete(waiter);
		return views.map((v) => {
			const settled = waiter.settled.get(v.id);
			if (settled) return settled;
			const stored = this.deps.repo.get(v.id);
			return stored ? toView(stored) : {
				...v,
				status: "done"
			};
		});
	}
	state() {
		const accountId = this.deps.connection.current()?.account.id ?? null;
		const counts = accountId ? this.deps.repo.counts(accountId) : {
			pending: 0,
			in_flight: 0,
			failed: 0,
			conflict: 0
		};
		return {
			accountId,
			online: this.connectivity.isOnline(),
			counts: {
				pending: counts.pending,
				inFlight: counts.in_flight,
				failed: counts.failed,
				conflict: counts.conflict
			},
			nextProbeAt: this.connectivity.nextProbeAt()
		};
	}
	list(statuses, limit) {
		const { account } = this.deps.connection.require();
		return this.deps.repo.list(account.id, statuses, limit).map((i) => toView(i));
	}
	/** Pending changes of one lead (for the profile). */
	forLead(leadId) {
		const { account } = this.deps.connection.require();
		return this.deps.repo.forLead(account.id, leadId).map((i) => toView(i));
	}
	retry(ids) {
		const items = this.pick(ids, ["failed", "conflict"]);
		this.deps.repo.setStatus(items.map((i) => i.id), "pending", {
			error: null,
			conflict: null
		});
		items.forEach((i) => this.deps.onItem(toView(i, "pending")));
		this.connectivity.probeSoon(0);
		this.dispatcher.kick();
		return this.emitState();
	}
	discard(ids) {
		const items = this.pick(ids, [
			"pending",
			"failed",
			"conflict"
		]);
		this.deps.repo.remove(items.map((i) => i.id));
		items.forEach((i) => this.deps.onItem({
			...toView(i),
			status: "done",
			error: {
				code: "invalid_input",
				message: "Discarded",
				retryable: false
			}
		}));
		this.dispatcher.kick();
		return this.emitState();
	}
	edit(id, change) {
		const [item] = this.pick([id], [
			"pending",
			"failed",
			"conflict"
		]);
		if (!item) throw new require_validate_job.AppError("not_found", "That change is no longer waiting (it was sent or discarded).", { details: { field: "id" } });
		const next = "cmd" in change ? {
			kind: "action",
			action: change
		} : {
			kind: "edit",
			changes: change
		};
		if (next.kind !== item.change.kind) throw new require_validate_job.AppError("invalid_input", `This queued change is ${item.change.kind === "action" ? "an action" : `a ${item.change.kind}`}; it can only be replaced by the same kind.`, { details: { field: "change" } });
		this.deps.repo.replaceChange(id, next, void 0);
		const view = toView(this.deps.repo.get(id));
		this.deps.onItem(view);
		this.dispatcher.kick();
		this.emitState();
		return view;
	}
	/** Keep mine: send my values over Kartra's. Keep theirs: drop the conflicting fields (the rest still goes). */
	resolve(id, keep) {
		const [item] = this.pick([id], ["conflict"]);
		if (!item || item.change.kind !== "edit" || !item.conflict) throw new require_validate_job.AppError("not_found", "That change has no conflict to settle.", { details: { field: "id" } });
		const fields = item.conflict.map((c) => c.field);
		if (keep === "mine") {
			const seen = { ...item.seen ?? {} };
			for (const c of item.conflict) seen[c.field] = c.theirs;
			this.deps.repo.replaceChange(id, item.change, seen);
		} else {
			const rest = withoutFields(item.change.changes, fields);
			if (isEmptyEdit(rest)) {
				this.deps.repo.remove([id]);
				this.deps.onItem({
					...toView(item),
					status: "done"
				});
			} else this.deps.repo.replaceChange(id, {
				kind: "edit",
				changes: rest
			}, void 0);
		}
		const stored = this.deps.repo.get(id);
		if (stored) this.deps.onItem(toView(stored));
		this.dispatcher.kick();
		return this.emitState();
	}
	setOsOnline(online) {
		this.connectivity.setOsOnline(online);
	}
	/** Resolves once nothing is in flight (tests, shutdown). */
	idle() {
		return this.dispatcher.idle();
	}
	close() {
		this.dispatcher.stop();
		this.connectivity.close();
		clearTimeout(this.stateTimer);
	}
	/**
	* Kartra just became unreachable: waiting writes are answered "queued" instead of hanging until their timeout.
	* Deferred a turn, so the dispatcher first puts the items it was sending back to pending (made offline).
	*/
	releaseWaiters() {
		if (this.waiters.size === 0) return;
		const waiting = [...this.waiters];
		setTimeout(() => {
			if (this.connectivity.isOnline()) return;
			for (const waiter of waiting) waiter.resolve();
		}, 0);
	}
	pick(ids, statuses) {
		const { account } = this.deps.connection.require();
		const all = this.deps.repo.list(account.id, statuses, 1e5);
		return ids.length === 0 ? all : all.filter((i) => ids.includes(i.id));
	}
	onItems(items, status) {
		for (const item of items) {
			const view = toView(item, status);
			if (status === "done") this.applyToCache(item);
			this.deps.onItem(view);
			for (const waiter of this.waiters) {
				if (!waiter.ids.has(item.id) || !FINAL.has(status)) continue;
				waiter.settled.set(item.id, view);
				if (waiter.settled.size === waiter.ids.size) waiter.resolve();
			}
		}
		this.scheduleState();
	}
	/** A confirmed change is applied to the cached copy so local search and the offline profile stay right. */
	applyToCache(item) {
		const leadId = item.lead.kartraId;
		if (!leadId) return;
		const cached = this.deps.cache.get(item.accountId, { id: leadId });
		if (cached) this.deps.cache.put(item.accountId, projectChange(cached.lead, item.change), cached.seenAt);
	}
	scheduleState() {
		if (this.stateTimer) return;
		this.stateTimer = setTimeout(() => {
			this.stateTimer = void 0;
			this.emitState();
		}, 100);
		this.stateTimer.unref?.();
	}
	emitState() {
		const state = this.state();
		this.deps.onState(state);
		return state;
	}
};
// src/main/core/store/settings-repo.ts
var SettingsRepo = class {
	db;
	constructor(db) {
		this.db = db;
	}
	get(key) {
		return this.db.prepare("SELECT value FROM settings WHERE key = ?").get(key)?.value;
	}
	set(key, value) {
		this.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
	}
	delete(key) {
		this.db.prepare("DELETE FROM settings WHERE key = ?").run(key);
	}
};
// src/main/core/jobs/job-progress.ts
var WINDOW_MS = 5e3;
/** Rows settled and calls made over the last few seconds. */
var RateMeter = class {
	rows = [];
	calls = [];
	since;
	constructor(now = Date.now()) {
		this.since = now;
	}
	row(now = Date.now()) {
		this.rows.push(now);
		this.trim(this.rows, now);
	}
	call(now = Date.now()) {
		this.calls.push(now);
		this.trim(this.calls, now);
	}
	rates(now = Date.now()) {
		this.trim(this.rows, now);
		this.trim(this.calls, now);
		const seconds = Math.max(.25, Math.min(WINDOW_MS, now - this.since) / 1e3);
		return {
			rowsPerSec: round(this.rows.length / seconds),
			callsPerSec: round(this.calls.length / seconds)
		};
	}
	trim(list, now) {
		let drop = 0;
		while (drop < list.length && (list[drop] ?? 0) <= now - WINDOW_MS) drop++;
		if (drop > 0) list.splice(0, drop);
	}
};
var round = (n) => Math.round(n * 100) / 100;
function toProgress(job, live) {
	const counts = live?.counts ?? job.counts;
	const rowsPerSec = live?.rowsPerSec ?? 0;
	const active = job.status === "running";
	return {
		jobId: job.id,
		kind: job.kind,
		name: job.name,
		status: job.status,
		counts: {
			...counts,
			total: job.total
		},
		done: live?.done ?? 0,
		rowsPerSec: active ? rowsPerSec : 0,
		callsPerSec: active ? live?.callsPerSec ?? 0 : 0,
		calls: live?.calls ?? job.calls,
		etaSec: active && rowsPerSec > 0 ? Math.ceil(counts.ready / rowsPerSec) : null,
		createdAt: job.createdAt,
		updatedAt: job.updatedAt,
		error: job.error
	};
}
// src/main/core/jobs/row-recovery.ts
var POSITIVE = /* @__PURE__ */ new Set([
	"assign_tag",
	"subscribe_lead_to_list",
	"subscribe_lead_to_sequence_at_step"
]);
/** The import's chain: points, then tags, lists, and the sequence last. */
function importActions(options) {
	return [
		...options.points > 0 ? [{
			cmd: "give_points_to_lead",
			points: options.points
		}] : [],
		...options.tags.map((tag_name) => ({
			cmd: "assign_tag",
			tag_name
		})),
		...options.lists.map((list_name) => ({
			cmd: "subscribe_lead_to_list",
			list_name
		})),
		...options.sequence ? [{
			cmd: "subscribe_lead_to_sequence_at_step",
			sequence_name: options.sequence.name,
			step: options.sequence.step
		}] : []
	];
}
var uncheckable = (a) => a.cmd === "give_points_to_lead" || a.cmd === "remove_points_from_lead" || a.cmd === "calendar_subscribe" || a.cmd === "calendar_cancel";
/** A recipe's chain: actions that cannot be checked first, the rest in the recipe's own order. */
function chainOrder(actions) {
	return [...actions.filter(uncheckable), ...actions.filter((a) => !uncheckable(a))];
}
function sameTarget(a, b) {
	const name = (x) => "tag_name" in x ? `t:${x.tag_name}` : "list_name" in x ? `l:${x.list_name}` : "sequence_name" in x ? `s:${x.sequence_name}` : "";
	return name(a) !== "" && name(a).toLowerCase() === name(b).toLowerCase();
}
/** The last adding action whose effect no later action of the chain undoes: the chain's proof of delivery. */
function evidenceAction(actions) {
	for (let i = actions.length - 1; i >= 0; i--) {
		const action = actions[i];
		if (!POSITIVE.has(action.cmd)) continue;
		if (actions.slice(i + 1).some((later) => sameTarget(later, action))) continue;
		return action;
	}
	return null;
}
function checkMessage(actions) {
	const points = actions.filter((a) => a.cmd === "give_points_to_lead" || a.cmd === "remove_points_from_lead");
	return `Check this lead in Kartra: the connection was lost while it was being sent, and Lead Desk cannot tell whether ${points.length > 0 ? `the ${points.map((a) => "points" in a ? a.points : 0).join(" + ")} points` : "the calendar booking"} went through (sending again could apply them twice).`;
}
function decideRecovery(facts) {
	const { state, actions } = facts;
	if (state === null) return { kind: "resend" };
	const risky = actions.filter((a) => actionVerdict(state, a) === "unknown");
	const evidence = evidenceAction(actions);
	if (evidence) {
		if (actionVerdict(state, evidence) === "applied") return { kind: "applied" };
		const partly = facts.step === "create" && actions.some((a) => a !== evidence && POSITIVE.has(a.cmd) && actionVerdict(state, a) === "applied");
		if (risky.length > 0 && partly) return {
			kind: "check",
			message: checkMessage(risky)
		};
		return { kind: "resend" };
	}
	if (risky.length > 0) return {
		kind: "check",
		message: checkMessage(risky)
	};
	return fieldsVerdict(state.lead, facts.fields) === "applied" && actions.every((a) => actionVerdict(state, a) === "applied") ? { kind: "applied" } : { kind: "resend" };
}
var toRecord$1 = (r) => ({
	row: r.row,
	status: r.status,
	excluded: r.excluded === 1,
	fixed: r.fixed_json === null ? null : JSON.parse(r.fixed_json),
	errors: r.errors_json === null ? [] : JSON.parse(r.errors_json),
	email: r.email,
	step: r.step,
	outcome: r.outcome,
	reason: r.reason,
	leadId: r.lead_id
});
var RowRepo = class {
	db;
	statements = /* @__PURE__ */ new Map();
	constructor(db) {
		this.db = db;
	}
	sql(text) {
		let statement = this.statements.get(text);
		if (!statement) this.statements.set(text, statement = this.db.prepare(text));
		return statement;
	}
	get(jobId, row) {
		const raw = this.sql("SELECT * FROM job_rows WHERE job_id = ? AND row = ?").get(jobId, row);
		return raw && toRecord$1(raw);
	}
	/** Journal entries of rows [from, to]. */
	range(jobId, from, to) {
		const rows = this.sql("SELECT * FROM job_rows WHERE job_id = ? AND row BETWEEN ? AND ?").all(jobId, from, to);
		return new Map(rows.map((r) => [r.row, toRecord$1(r)]));
	}
	withEmail(jobId, emailKey) {
		return this.sql("SELECT * FROM job_rows WHERE job_id = ? AND email = ?").all(jobId, emailKey).map(toRecord$1);
	}
	byStatus(jobId, statuses, offset, limit) {
		const marks = statuses.map(() => "?").join(", ");
		return this.db.prepare(`SELECT * FROM job_rows WHERE job_id = ? AND status IN (${marks}) ORDER BY row LIMIT ? OFFSET ?`).all(jobId, ...statuses, limit, offset).map(toRecord$1);
	}
	/** Journal rows per status; rows without an entry are ready. */
	countByStatus(jobId) {
		const counts = {};
		for (const r of this.sql("SELECT status, COUNT(*) AS n FROM job_rows WHERE job_id = ? GROUP BY status").all(jobId)) counts[r.status] = r.n;
		return counts;
	}
	/** Per page: journal entries that are not ready, and entries whose status is one of `statuses`. */
	pageStats(jobId, statuses) {
		const wanted = statuses.filter((s) => s !== "ready");
		const marks = wanted.length > 0 ? wanted.map(() => "?").join(", ") : "''";
		const rows = this.db.prepare(`SELECT (row - 1) / 500 AS page, SUM(status != 'ready') AS not_ready, SUM(status IN (${marks})) AS matching
         FROM job_rows WHERE job_id = ? GROUP BY page`).all(...wanted, jobId);
		return new Map(rows.map((r) => [r.page, {
			notReady: r.not_ready,
			matching: r.matching
		}]));
	}
	/** Rows whose lead is in Kartra after the run: created, updated, or skipped because it already existed. */
	leadsOf(jobId) {
		return this.sql("SELECT lead_id, email FROM job_rows WHERE job_id = ? AND (status IN ('created', 'updated') OR (status = 'skipped' AND reason = 'exists')) ORDER BY row").all(jobId).map((r) => ({
			leadId: r.lead_id,
			email: r.email
		}));
	}
	inFlight(jobId) {
		return this.sql("SELECT * FROM job_rows WHERE job_id = ? AND status = 'in_flight' ORDER BY row").all(jobId).map(toRecord$1);
	}
	/** Written (and committed) before the call leaves: after a crash the row is checked, never re-sent blindly. */
	markInFlight(jobId, row, step, email, leadId, now = Date.now()) {
		this.sql(`INSERT INTO job_rows (job_id, row, status, email, step, lead_id, updated_at) VALUES (?, ?, 'in_flight', ?, ?, ?, ?)
       ON CONFLICT (job_id, row) DO UPDATE SET status = 'in_flight', step = excluded.step, email = COALESCE(excluded.email, job_rows.email),
         lead_id = COALESCE(excluded.lead_id, job_rows.lead_id), updated_at = excluded.updated_at`).run(jobId, row, email, step, leadId, now);
	}
	settle(jobId, row, s, now = Date.now()) {
		this.sql("UPDATE job_rows SET status = ?, step = NULL, outcome = ?, reason = ?, lead_id = COALESCE(?, lead_id), updated_at = ? WHERE job_id = ? AND row = ?").run(s.status, s.outcome, s.reason, s.leadId, now, jobId, row);
	}
	/** Nothing of the row reached Kartra: it waits to be sent again. */
	backToReady(jobId, row, now = Date.now()) {
		this.sql("UPDATE job_rows SET status = 'ready', step = NULL, updated_at = ? WHERE job_id = ? AND row = ?").run(now, jobId, row);
	}
	/** An inline fix or an exclusion: the row's new state before any run. */
	saveRowState(jobId, r, now = Date.now()) {
		this.sql(`INSERT INTO job_rows (job_id, row, status, excluded, fixed_json, errors_json, email, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (job_id, row) DO UPDATE SET status = excluded.status, excluded = excluded.excluded, fixed_json = excluded.fixed_json,
         errors_json = excluded.errors_json, email = excluded.email, updated_at = excluded.updated_at`).run(jobId, r.row, r.status, r.excluded ? 1 : 0, r.fixed ? JSON.stringify(r.fixed) : null, r.errors.length > 0 ? JSON.stringify(r.errors) : null, r.email, now);
	}
	remove(jobId, row) {
		this.sql("DELETE FROM job_rows WHERE job_id = ? AND row = ?").run(jobId, row);
	}
	runInTransaction(fn) {
		return transaction(this.db, fn);
	}
};
// src/main/core/jobs/job-repo.ts
var EMPTY_COUNTS = {
	total: 0,
	invalid: 0,
	excluded: 0,
	ready: 0,
	created: 0,
	updated: 0,
	skipped: 0,
	failed: 0
};
var json = (text) => text === null ? null : JSON.parse(text);
function toRecord(r) {
	return {
		id: r.id,
		accountId: r.account_id,
		kind: r.kind,
		name: r.name,
		status: r.status,
		pauseReason: r.pause_reason,
		error: r.error,
		sourcePath: r.source_path,
		fileBytes: r.file_bytes,
		receivedBytes: r.received_bytes,
		analysis: json(r.analysis_json),
		headers: json(r.headers_json),
		validated: json(r.validated_json),
		mapping: json(r.mapping_json),
		fields: json(r.fields_json),
		plan: json(r.options_json),
		total: r.total,
		counts: {
			...EMPTY_COUNTS,
			total: r.total,
			...json(r.counts_json) ?? {}
		},
		cursorRow: r.cursor_row,
		calls: r.calls,
		createdAt: r.created_at,
		updatedAt: r.updated_at,
		startedAt: r.started_at,
		finishedAt: r.finished_at
	};
}
/** Fields update() may change, with their column and how they are stored. */
var COLUMNS = {
	name: ["name", (v) => v],
	status: ["status", (v) => v],
	pauseReason: ["pause_reason", (v) => v],
	error: ["error", (v) => v],
	receivedBytes: ["received_bytes", (v) => v],
	analysis: ["analysis_json", (v) => v === null ? null : JSON.stringify(v)],
	headers: ["headers_json", (v) => v === null ? null : JSON.stringify(v)],
	validated: ["validated_json", (v) => v === null ? null : JSON.stringify(v)],
	layout: ["layout_json", (v) => v === null ? null : JSON.stringify(v)],
	mapping: ["mapping_json", (v) => v === null ? null : JSON.stringify(v)],
	fields: ["fields_json", (v) => v === null ? null : JSON.stringify(v)],
	plan: ["options_json", (v) => v === null ? null : JSON.stringify(v)],
	total: ["total", (v) => v],
	counts: ["counts_json", (v) => JSON.stringify(v)],
	cursorRow: ["cursor_row", (v) => v],
	calls: ["calls", (v) => v],
	startedAt: ["started_at", (v) => v],
	finishedAt: ["finished_at", (v) => v]
};
var JobRepo = class {
	db;
	statements = /* @__PURE__ */ new Map();
	constructor(db) {
		this.db = db;
	}
	sql(text) {
		let statement = this.statements.get(text);
		if (!statement) this.statements.set(text, statement = this.db.prepare(text));
		return statement;
	}
	create(job, now = Date.now()) {
		this.sql(`INSERT INTO jobs (id, account_id, kind, name, status, source_path, file_bytes, total, headers_json, options_json, layout_json, counts_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(job.id, job.accountId, job.kind, job.name, job.status, job.sourcePath ?? null, job.fileBytes ?? 0, job.total ?? 0, job.headers ? JSON.stringify(job.headers) : null, job.plan ? JSON.stringify(job.plan) : null, job.layout ? JSON.stringify(job.layout) : null, JSON.stringify({
			...EMPTY_COUNTS,
			total: job.total ?? 0,
			ready: job.total ?? 0
		}), now, now);
		return this.get(job.id);
	}
	get(id) {
		const raw = this.sql("SELECT * FROM jobs WHERE id = ?").get(id);
		return raw && toRecord(raw);
	}
	/** Read apart from the record: a million-row file has thousands of page offsets. */
	layout(id) {
		return json(this.sql("SELECT layout_json FROM jobs WHERE id = ?").get(id)?.layout_json ?? null);
	}
	/** Newest first. */
	list(accountId, limit) {
		return this.sql("SELECT * FROM jobs WHERE account_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?").all(accountId, limit).map(toRecord);
	}
	/** Jobs that should be running whenever their account is current: interrupted by a crash, the network or an account switch. */
	resumable(accountId) {
		return this.sql(`SELECT * FROM jobs WHERE account_id = ? AND (status = 'running' OR (status = 'paused' AND pause_reason IN ('network', 'account'))) ORDER BY created_at`).all(accountId).map(toRecord);
	}
	update(id, patch, now = Date.now()) {
		const sets = [];
		const values = [];
		for (const [key, value] of Object.entries(patch)) {
			const column = COLUMNS[key];
			if (!column || value === void 0) continue;
			sets.push(`${column[0]} = ?`);
			values.push(column[1](value));
		}
		sets.push("updated_at = ?");
		values.push(now);
		this.db.prepare(`UPDATE jobs SET ${sets.join(", ")} WHERE id = ?`).run(...values, id);
	}
	/** Lowers the resume point so a row handed back to "ready" is picked up after a restart. */
	lowerCursor(id, row) {
		this.sql("UPDATE jobs SET cursor_row = MIN(cursor_row, ?) WHERE id = ?").run(row, id);
	}
};
// src/main/core/jobs/row-plans.ts
/** Recipe rows are stored as [lead id, email]; either may be empty. */
var RECIPE_HEADERS = ["lead_id", "email"];
function planner(job) {
	const plan = job.plan;
	if (!plan) throw new Error(`job ${job.id} has no options to run with`);
	if (plan.kind === "recipe") return (row, cells) => {
		const id = (cells[0] ?? "").trim();
		const email = (cells[1] ?? "").trim();
		if (!id && !email) return { invalid: "no lead id or email" };
		return {
			plan: {
				row,
				mode: "recipe",
				ref: id ? { id } : { email },
				lead: null,
				actions: plan.actions
			},
			key: id ? `id:${id}` : email.toLowerCase()
		};
	};
	const cm = require_validate_job.compileMapping(job.headers ?? [], job.mapping ?? {}, job.fields ?? []);
	return (row, cells, reviewed) => {
		const check = require_validate_job.validateRow(cm, cells, reviewed);
		if (!check.lead) return { invalid: check.errors.map((e) => `${e.column}: ${e.message}`).join("; ") };
		return {
			plan: {
				row,
				mode: plan.options.mode,
				ref: { email: check.lead.email },
				lead: check.lead,
				actions: plan.actions
			},
			key: check.emailKey
		};
	};
}
// src/main/core/import/row-views.ts
function columnsOf(job) {
	return job.kind === "recipe" ? RECIPE_HEADERS : job.headers ?? [];
}
function toImportRow(headers, row, cells, rec) {
	const values = {};
	headers.forEach((h, i) => values[h] = cells[i] ?? "");
	return {
		row,
		values,
		errors: rec?.errors ?? [],
		status: rec?.status ?? "ready",
		outcome: rec?.outcome ?? null,
		leadId: rec?.leadId ?? null
	};
}
function listRows(repo, pages, job, offset, limit, statuses) {
	const headers = columnsOf(job);
	const view = (row, rec) => toImportRow(headers, row, rec?.fixed ?? pages.cells(job.id, row) ?? [], rec);
	const wanted = [...new Set(statuses)];
	if (wanted.length === 0) {
		const rows = [];
		const last = Math.min(job.total, offset + limit);
		const journal = repo.range(job.id, offset + 1, last);
		for (let row = offset + 1; row <= last; row++) rows.push(view(row, journal.get(row)));
		return {
			rows,
			total: job.total
		};
	}
	if (!wanted.includes("ready")) {
		const counts = repo.countByStatus(job.id);
		const total = wanted.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
		return {
			rows: repo.byStatus(job.id, wanted, offset, limit).map((rec) => view(rec.row, rec)),
			total
		};
	}
	const stats = repo.pageStats(job.id, wanted);
	const pageCount = Math.ceil(job.total / 500);
	const matchingIn = (page) => {
		const size = Math.min(500, job.total - page * 500);
		const s = stats.get(page) ?? {
			notReady: 0,
			matching: 0
		};
		return size - s.notReady + s.matching;
	};
	let total = 0;
	for (let page = 0; page < pageCount; page++) total += matchingIn(page);
	const rows = [];
	let skip = offset;
	for (let page = 0; page < pageCount && rows.length < limit; page++) {
		const inPage = matchingIn(page);
		if (skip >= inPage) {
			skip -= inPage;
			continue;
		}
		const first = page * 500 + 1;
		const last = Math.min(job.total, first + 500 - 1);
		const journal = repo.range(job.id, first, last);
		for (let row = first; row <= last && rows.length < limit; row++) {
			const rec = journal.get(row);
			if (!wanted.includes(rec?.status ?? "ready")) continue;
			if (skip > 0) {
				skip--;
				continue;
			}
			rows.push(view(row, rec));
		}
	}
	return {
		rows,
		total
	};
}
// src/main/core/import/row-edits.ts
var invalid$2 = (message, field) => new require_validate_job.AppError("invalid_input", message, { details: { field } });
function checkRow(job, row) {
	if (!Number.isInteger(row) || row < 1 || row > job.total) throw invalid$2(`Row ${row} does not exist; this file has ${job.total} rows.`, "row");
}
/** Rows whose line in the emails file (written by the last validation) is this email. */
function rowsInEmailsFile(path, emailKey) {
	let text;
	try {
		text = (0, node_fs.readFileSync)(path);
	} catch {
		return [];
	}
	const needle = Buffer.from(`\n${emailKey}\n`);
	const rows = [];
	let line = 0;
	let counted = 0;
	for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
		for (let i = counted; i <= at; i++) if (text[i] === 10) line++;
		counted = at + 1;
		rows.push(line);
	}
	return rows;
}
/** The earliest other row (before `row`, not excluded) that holds this email now. */
function earlierDuplicate(repo, job, workDir, row, emailKey) {
	const candidates = /* @__PURE__ */ new Set([...rowsInEmailsFile(require_validate_job.emailsFile(workDir), emailKey), ...repo.withEmail(job.id, emailKey).map((r) => r.row)]);
	let first = null;
	for (const other of candidates) {
		if (other >= row || first !== null && other > first) continue;
		const rec = repo.get(job.id, other);
		if (rec?.excluded || rec?.fixed && rec.email !== emailKey) continue;
		first = other;
	}
	return first;
}
function fixCell(ctx, job, fields, row, column, value) {
	const { repo } = ctx;
	checkRow(job, row);
	const headers = job.headers ?? [];
	const index = headers.indexOf(column);
	if (index < 0) throw invalid$2(`This file has no column "${column}".`, "column");
	const cm = require_validate_job.compileMapping(headers, job.mapping ?? {}, fields);
	const rec = repo.get(job.id, row);
	const original = rec?.fixed ?? ctx.pages.cells(job.id, row) ?? [];
	const cells = headers.map((_, i) => original[i] ?? "");
	cells[index] = value;
	const check = require_validate_job.validateRow(cm, cells, true);
	let errors = check.errors;
	if (check.emailKey !== "") {
		const first = earlierDuplicate(repo, job, ctx.workDir, row, check.emailKey);
		if (first !== null) errors = [...errors, {
			column: headers[cm.emailIndex] ?? column,
			message: require_validate_job.duplicateMessage(first)
		}];
	}
	const excluded = rec?.excluded ?? false;
	const status = excluded ? "excluded" : errors.length > 0 ? "invalid" : "ready";
	repo.saveRowState(job.id, {
		row,
		status,
		excluded,
		fixed: cells,
		errors,
		email: check.emailKey || null
	});
	return toImportRow(headers, row, cells, repo.get(job.id, row));
}
function exclude(repo, job, rows, excluded) {
	for (const row of rows) checkRow(job, row);
	repo.runInTransaction(() => {
		for (const row of new Set(rows)) {
			const rec = repo.get(job.id, row);
			if (excluded) repo.saveRowState(job.id, {
				row,
				status: "excluded",
				excluded: true,
				fixed: rec?.fixed ?? null,
				errors: rec?.errors ?? [],
				email: rec?.email ?? null
			});
			else if (rec) {
				const status = rec.errors.length > 0 ? "invalid" : "ready";
				if (status === "ready" && !rec.fixed) repo.remove(job.id, row);
				else repo.saveRowState(job.id, {
					...rec,
					status,
					excluded: false
				});
			}
		}
	});
}
/** Counts before a run: journal entries by status, every other row ready. */
function countsBeforeRun(repo, job) {
	const byStatus = repo.countByStatus(job.id);
	const invalidRows = byStatus.invalid ?? 0;
	const excludedRows = byStatus.excluded ?? 0;
	return {
		...EMPTY_COUNTS,
		total: job.total,
		invalid: invalidRows,
		excluded: excludedRows,
		ready: Math.max(0, job.total - invalidRows - excludedRows)
	};
}
// src/main/core/import/upload.ts
var MAX_FILE_BYTES = 1024 ** 3;
/** The job's own folder: the uploaded file, a UTF-8 copy when needed, the emails file, recipe targets. */
var jobDir = (dataDir, jobId) => (0, node_path.join)(dataDir, "imports", jobId);
var BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
var invalid$1 = (message, field) => new require_validate_job.AppError("invalid_input", message, { details: { field } });
function tooLarge(bytes) {
	return invalid$1(`The file is ${(bytes / 1024 ** 3).toFixed(2)} GB; Lead Desk imports files up to 1 GB. Split it into smaller files.`, "bytes");
}
var Uploads = class {
	dataDir;
	jobs;
	/** Jobs with a chunk being written: chunks of one file never overlap. */
	writing = /* @__PURE__ */ new Set();
	constructor(dataDir, jobs) {
		this.dataDir = dataDir;
		this.jobs = jobs;
	}
	begin(accountId, fileName, bytes) {
		if (bytes > MAX_FILE_BYTES) throw tooLarge(bytes);
		const id = (0, node_crypto.randomUUID)();
		const folder = jobDir(this.dataDir, id);
		(0, node_fs.mkdirSync)(folder, { recursive: true });
		const sourcePath = (0, node_path.join)(folder, "source.csv");
		(0, node_fs.writeFileSync)(sourcePath, "");
		return this.jobs.create({
			id,
			accountId,
			kind: "import",
			name: (0, node_path.basename)(fileName.replace(/\\/g, "/")) || "import.csv",
			status: "uploading",
			sourcePath,
			fileBytes: bytes
		});
	}
	async chunk(job, offset, data, final) {
		if (job.status !== "uploading" || !job.sourcePath) throw invalid$1("This file has been received completely already; start a new import to send it again.", "jobId");
		if (this.writing.has(job.id)) throw invalid$1("The previous chunk of this file is still being written; send chunks one after the other.", "offset");
		if (offset !== job.receivedBytes) throw invalid$1(`This chunk starts at byte ${offset}, but ${job.receivedBytes} bytes have arrived so far: send the chunk that starts at byte ${job.receivedBytes}.`, "offset");
		if (data.length % 4 !== 0 || !BASE64.test(data)) throw invalid$1("The chunk is not valid base64.", "data");
		const bytes = Buffer.from(data, "base64");
		const received = job.receivedBytes + bytes.length;
		if (received > MAX_FILE_BYTES) throw tooLarge(received);
		if (received > job.fileBytes) throw invalid$1(`The file was announced as ${job.fileBytes} bytes but ${received} have arrived; start the import again.`, "data");
		if (final && received !== job.fileBytes) throw invalid$1(`The upload ended after ${received} of ${job.fileBytes} bytes; send the rest before the final chunk.`, "final");
		this.writing.add(job.id);
		try {
			if (bytes.length > 0) await (0, node_fs_promises.appendFile)(job.sourcePath, bytes);
			this.jobs.update(job.id, { receivedBytes: received });
		} finally {
			this.writing.delete(job.id);
		}
		return received;
	}
	/** The CLI's file, read where it is (no copy, no upload). */
	async fromPath(accountId, path) {
		const full = (0, node_path.resolve)(path);
		let size;
		try {
			const info = await (0, node_fs_promises.stat)(full);
			if (!info.isFile()) throw invalid$1(`${full} is not a file.`, "path");
			size = info.size;
		} catch (error) {
			if (error instanceof require_validate_job.AppError) throw error;
			throw invalid$1(`Cannot read ${full}: ${error.code === "ENOENT" ? "no such file" : error.message}.`, "path");
		}
		if (size > MAX_FILE_BYTES) throw tooLarge(size);
		const id = (0, node_crypto.randomUUID)();
		(0, node_fs.mkdirSync)(jobDir(this.dataDir, id), { recursive: true });
		const job = this.jobs.create({
			id,
			accountId,
			kind: "import",
			name: (0, node_path.basename)(full),
			status: "uploading",
			sourcePath: full,
			fileBytes: size
		});
		this.jobs.update(job.id, { receivedBytes: size });
		return this.jobs.get(job.id);
	}
};
// src/main/core/import/import-service.ts
var SAMPLE_ROWS = 20;
/** Kartra chains at most this many actions behind create_lead/edit_lead in this app (lead-writes' limit). */
var MAX_CHAIN = 50;
var invalid = (message, field) => new require_validate_job.AppError("invalid_input", message, { details: { field } });
var GDPR_REFUSAL = "Confirm that the people in this file agreed to hear from you (GDPR) before importing. Leads added through Kartra's API are never marked as having accepted GDPR terms, so Kartra limits what it sends them according to your account's GDPR settings.";
var ImportService = class {
	deps;
	/** Jobs with a pass running in the worker: one pass per job at a time. */
	busy = /* @__PURE__ */ new Set();
	constructor(deps) {
		this.deps = deps;
	}
	begin(fileName, bytes) {
		const { account } = this.deps.connection.require();
		const job = this.deps.uploads.begin(account.id, fileName, bytes);
		this.deps.runner.emitNow(job.id);
		return { jobId: job.id };
	}
	async chunk(jobId, offset, data, final) {
		const job = this.deps.runner.require(jobId);
		return { received: await this.deps.uploads.chunk(job, offset, data, final) };
	}
	/** The CLI's path: the file is read where it lies. */
	async fromFile(path) {
		const { account } = this.deps.connection.require();
		return { jobId: (await this.deps.uploads.fromPath(account.id, path)).id };
	}
	async analyze(jobId) {
		const job = this.deps.runner.require(jobId);
		if (job.analysis && job.status !== "uploading") return publicAnalysis(job.analysis);
		if (job.receivedBytes !== job.fileBytes || !job.sourcePath) throw invalid(`The file has not fully arrived yet (${job.receivedBytes} of ${job.fileBytes} bytes).`, "jobId");
		const fields = await this.customFields([], false);
		const reply = await this.exclusive(jobId, () => this.deps.worker.run({
			op: "analyze",
			dbFile: this.deps.dbFile,
			jobId,
			accountId: job.accountId,
			fields,
			input: {
				sourcePath: job.sourcePath,
				workDir: jobDir(this.deps.dataDir, jobId),
				pageSize: 500,
				sampleRows: SAMPLE_ROWS
			}
		}, (rows) => this.deps.emit({
			...toProgress(job),
			done: rows
		})));
		this.deps.pages.forget(jobId);
		const { result } = reply;
		const analysis = {
			fileName: job.name,
			bytes: result.bytes,
			encoding: result.encoding,
			delimiter: result.delimiter,
			headers: result.headers,
			sample: result.sample,
			rowCount: result.rowCount,
			problems: result.problems,
			suggestedMapping: reply.mapping,
			mappingRemembered: reply.remembered,
			fatal: result.fatal
		};
		this.deps.jobs.update(jobId, {
			analysis,
			layout: result.layout,
			headers: result.headers,
			total: result.rowCount,
			validated: reply.counts ? {
				mapping: reply.mapping,
				fields
			} : null,
			counts: {
				total: result.rowCount,
				ready: result.rowCount,
				invalid: 0,
				excluded: 0,
				created: 0,
				updated: 0,
				skipped: 0,
				failed: 0
			},
			status: result.fatal ? "failed" : "analyzed",
			error: result.fatal
		});
		this.deps.runner.emitNow(jobId);
		return publicAnalysis(analysis);
	}
	async validate(jobId, mapping) {
		const job = this.deps.runner.require(jobId);
		if (job.status === "failed" && job.analysis?.fatal) throw invalid(`This file cannot be imported: ${job.analysis.fatal}`, "jobId");
		if (job.status !== "analyzed" && job.status !== "validated") throw this.wrongState(job, "validated", "Analyze the file first (import.analyze).");
		const headers = job.headers ?? [];
		const customIds = Object.values(mapping).filter((t) => t.startsWith("custom:")).map((t) => t.slice(7));
		const fields = await this.customFields(customIds, true);
		require_validate_job.compileMapping(headers, mapping, fields);
		if (job.validated && sameMapping(headers, job.validated.mapping, mapping) && JSON.stringify(job.validated.fields) === JSON.stringify(fields)) {
			this.deps.jobs.update(jobId, {
				status: "validated",
				mapping,
				fields,
				cursorRow: 1,
				counts: countsBeforeRun(this.deps.rows, job)
			});
			this.deps.mappings.put(job.accountId, require_validate_job.headerSetKey(headers), mapping);
			this.deps.runner.emitNow(jobId);
			return this.deps.runner.progress(jobId);
		}
		const layout = this.deps.jobs.layout(jobId);
		if (!layout) throw invalid("Analyze the file first (import.analyze).", "jobId");
		this.deps.jobs.update(jobId, {
			status: "validating",
			mapping,
			error: null
		});
		this.deps.runner.emitNow(jobId);
		let counts;
		try {
			counts = await this.exclusive(jobId, () => this.deps.worker.run({
				op: "validate",
				dbFile: this.deps.dbFile,
				input: {
					jobId,
					workDir: jobDir(this.deps.dataDir, jobId),
					layout,
					headers,
					mapping,
					fields
				}
			}, (rows) => this.deps.emit({
				...toProgress({
					...job,
					status: "validating"
				}),
				done: rows
			})));
		} catch (error) {
			this.deps.jobs.update(jobId, { status: job.status });
			this.deps.runner.emitNow(jobId);
			throw error;
		}
		this.deps.jobs.update(jobId, {
			status: "validated",
			mapping,
			fields,
			validated: {
				mapping,
				fields
			},
			cursorRow: 1,
			counts: {
				total: job.total,
				ready: counts.ready,
				invalid: counts.invalid,
				excluded: counts.excluded,
				created: 0,
				updated: 0,
				skipped: 0,
				failed: 0
			}
		});
		this.deps.mappings.put(job.accountId, require_validate_job.headerSetKey(headers), mapping);
		this.deps.runner.emitNow(jobId);
		return this.deps.runner.progress(jobId);
	}
	rows(jobId, offset, limit, statuses) {
		const job = this.deps.runner.require(jobId);
		if (job.kind === "import" && !job.mapping) throw invalid("Map the columns and validate the rows first (import.validate).", "jobId");
		return listRows(this.deps.rows, this.deps.pages, job, offset, limit, statuses);
	}
	fixCell(jobId, row, column, value) {
		const job = this.editable(jobId);
		const fixed = fixCell({
			repo: this.deps.rows,
			pages: this.deps.pages,
			workDir: jobDir(this.deps.dataDir, jobId)
		}, job, job.fields ?? [], row, column, value);
		this.recount(job);
		return fixed;
	}
	exclude(jobId, rows, excluded) {
		const job = this.editable(jobId);
		exclude(this.deps.rows, job, rows, excluded);
		this.recount(job);
		return this.deps.runner.progress(jobId);
	}
	async start(jobId, options) {
		const job = this.deps.runner.require(jobId);
		if (job.status !== "validated") throw this.wrongState(job, "started", "Validate the rows first (import.validate).");
		if (!options.gdprConfirmed) throw invalid(GDPR_REFUSAL, "options.gdprConfirmed");
		if (job.counts.ready === 0) throw invalid("No row is ready to import: fix the invalid rows or include excluded ones first.", "jobId");
		const actions = importActions(options);
		if (actions.length >= MAX_CHAIN) throw invalid(`At most 49 tags, lists, sequence and points fit in one call per lead; this import asks for ${actions.length}.`, "options");
		await this.deps.account.assertNamesExist(actions);
		if (this.deps.runner.require(jobId).status !== "validated") throw this.wrongState(this.deps.runner.require(jobId), "started", "");
		this.deps.jobs.update(jobId, {
			plan: {
				kind: "import",
				options,
				actions
			},
			status: "running",
			cursorRow: 1,
			error: null
		});
		return this.deps.runner.start(jobId);
	}
	editable(jobId) {
		const job = this.deps.runner.require(jobId);
		if (job.status !== "validated") throw this.wrongState(job, "edited", job.status === "analyzed" ? "Validate the rows first (import.validate)." : "Export the failed rows, fix them and import that file.");
		return job;
	}
	recount(job) {
		this.deps.jobs.update(job.id, { counts: countsBeforeRun(this.deps.rows, job) });
		this.deps.runner.emitNow(job.id);
	}
	wrongState(job, what, hint) {
		return invalid(`This import is ${job.status === "uploading" ? "still being received" : job.status}, so it cannot be ${what} now.${hint ? ` ${hint}` : ""}`, "jobId");
	}
	async exclusive(jobId, fn) {
		if (this.busy.has(jobId)) throw invalid("This file is already being read; wait for that to finish.", "jobId");
		this.busy.add(jobId);
		try {
			return await fn();
		} finally {
			this.busy.delete(jobId);
		}
	}
	/** The account's custom fields (cached); refreshed once when a mapped identifier is not known yet. */
	async customFields(needed, strict) {
		try {
			let list = await this.deps.account.list("custom_fields", false);
			if (needed.some((id) => !list.items.some((f) => f.field_identifier === id))) list = await this.deps.account.list("custom_fields", true);
			return list.items;
		} catch (error) {
			if (!strict && (isOfflineError(error) || isNotSent(error))) return [];
			if (isOfflineError(error) || isNotSent(error)) {
				if (needed.length === 0) return [];
				throw new require_validate_job.AppError("offline", "Kartra cannot be reached to read the custom fields this mapping uses; try again when online.", {
					retryable: true,
					cause: error
				});
			}
			throw error;
		}
	}
};
function sameMapping(headers, a, b) {
	return headers.every((h) => (a[h] ?? "ignore") === (b[h] ?? "ignore"));
}
function publicAnalysis(analysis) {
	const { fatal: _fatal, ...rest } = analysis;
	return rest;
}
// src/main/core/import/mapping-repo.ts
var MappingRepo = class {
	db;
	constructor(db) {
		this.db = db;
	}
	get(accountId, headerKey) {
		const row = this.db.prepare("SELECT mapping_json FROM import_mappings WHERE account_id = ? AND header_key = ?").get(accountId, headerKey);
		return row ? JSON.parse(row.mapping_json) : void 0;
	}
	put(accountId, headerKey, mapping, now = Date.now()) {
		this.db.prepare(`INSERT INTO import_mappings (account_id, header_key, mapping_json, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, header_key) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`).run(accountId, headerKey, JSON.stringify(mapping), now);
	}
};
// src/main/core/import/worker-client.ts
/**
* The worker script: `importWorkerPath` when the shell passes one; else the bundle's sibling
* `import-worker.js` (electron-vite's second main entry); else this folder's TypeScript source, run
* through tsx (tests, CLI, the e2e host).
*/
function resolveWorkerEntry(explicit) {
	if (explicit) return {
		path: explicit,
		execArgv: explicit.endsWith(".ts") ? tsxArgs() : []
	};
	const built = (0, node_path.join)(__dirname, "import-worker.js");
	if ((0, node_fs.existsSync)(built)) return {
		path: built,
		execArgv: []
	};
	return {
		path: (0, node_path.join)(__dirname, "parse-worker.ts"),
		execArgv: tsxArgs()
	};
}
function tsxArgs() {
	const loader = (0, node_module.createRequire)((0, node_path.join)(__dirname, "worker-client.ts")).resolve("tsx");
	return ["--import", (0, node_url.pathToFileURL)(loader).href];
}
var ParseWorker = class {
	options;
	worker;
	pending = /* @__PURE__ */ new Map();
	nextId = 1;
	queue = Promise.resolve();
	idleTimer;
	closed = false;
	entry;
	constructor(options) {
		this.options = options;
		this.entry = options.entry ?? resolveWorkerEntry();
	}
	/** Runs one pass; passes are queued so one file at a time uses the CPU and memory. */
	run(task, onProgress) {
		const run = this.queue.then(() => this.send(task, onProgress));
		this.queue = run.catch(() => void 0);
		return run;
	}
	async close() {
		this.closed = true;
		clearTimeout(this.idleTimer);
		const worker = this.worker;
		this.worker = void 0;
		this.failAll(new require_validate_job.AppError("internal", "The app is closing; the file was not finished."));
		if (worker) await worker.terminate();
	}
	send(task, onProgress) {
		if (this.closed) return Promise.reject(new require_validate_job.AppError("internal", "The app is closing; the file was not read."));
		clearTimeout(this.idleTimer);
		const worker = this.ensure();
		worker.ref();
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, {
				resolve,
				reject,
				onProgress
			});
			worker.postMessage({
				...task,
				id
			});
		});
	}
	ensure() {
		if (this.worker) return this.worker;
		const worker = new node_worker_threads.Worker(this.entry.path, {
			execArgv: this.entry.execArgv,
			resourceLimits: {
				maxOldGenerationSizeMb: this.options.maxHeapMb ?? 192,
				maxYoungGenerationSizeMb: 32
			}
		});
		worker.on("message", (message) => this.onMessage(message));
		worker.on("error", (error) => {
			this.options.log.error("import worker failed", { error });
			this.drop(worker, error);
		});
		worker.on("exit", (code) => {
			if (this.worker === worker && !this.closed) this.drop(worker, /* @__PURE__ */ new Error(`the import worker stopped (exit code ${code})`));
		});
		this.worker = worker;
		return worker;
	}
	onMessage(message) {
		const pending = this.pending.get(message.id);
		if (!pending) return;
		if (message.type === "progress") {
			pending.onProgress?.(message.rows);
			return;
		}
		this.pending.delete(message.id);
		if (message.type === "done") pending.resolve(message.value);
		else {
			const { code, field, message: text } = message.error;
			pending.reject(code ? new require_validate_job.AppError(code, text, field ? { details: { field } } : {}) : /* @__PURE__ */ new Error(`import worker: ${text}`));
		}
		if (this.pending.size === 0) this.idle();
	}
	idle() {
		const worker = this.worker;
		if (!worker) return;
		worker.unref();
		clearTimeout(this.idleTimer);
		this.idleTimer = setTimeout(() => {
			if (this.pending.size > 0 || this.worker !== worker) return;
			this.worker = void 0;
			worker.terminate();
		}, this.options.idleMs ?? 2e4);
		this.idleTimer.unref();
	}
	drop(worker, error) {
		if (this.worker === worker) this.worker = void 0;
		const oom = error instanceof Error && /ERR_WORKER_OUT_OF_MEMORY/.test(`${error.code ?? ""} ${error.message}`);
		this.failAll(oom ? new require_validate_job.AppError("invalid_input", "The file needs more memory than Lead Desk allows for one import; split it into smaller files.") : new require_validate_job.AppError("internal", "Reading the file failed unexpectedly; the details were written to the log.", { cause: error }));
		worker.terminate();
	}
	failAll(error) {
		const pending = [...this.pending.values()];
		this.pending.clear();
		for (const p of pending) p.reject(error);
	}
};
// src/main/core/import/csv-write.ts
var NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
function csvField(value) {
	return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, "\"\"")}"` : value;
}
function csvLine(fields) {
	return `${fields.map(csvField).join(",")}\r\n`;
}
/** A whole document; the BOM makes Excel read it as UTF-8 (this app's importer accepts it too). */
function csvDocument(header, rows) {
	const parts = ["﻿", csvLine(header)];
	for (const row of rows) parts.push(csvLine(row));
	return parts.join("");
}
// src/main/core/jobs/pages.ts
var pageOf = (row, pageSize) => Math.floor((row - 1) / pageSize);
var Pages = class {
	jobs;
	/** The last pages read: the runner reads them in order, the preview around the same place. */
	cache = /* @__PURE__ */ new Map();
	layouts = /* @__PURE__ */ new Map();
	constructor(jobs) {
		this.jobs = jobs;
	}
	layout(jobId) {
		if (!this.layouts.has(jobId)) this.layouts.set(jobId, this.jobs.layout(jobId));
		return this.layouts.get(jobId) ?? null;
	}
	pageSize(jobId) {
		return this.layout(jobId)?.pageSize ?? 500;
	}
	/** The rows of page `page` as parsed (blank records skipped, as the analysis numbered them). */
	page(jobId, page) {
		const key = `${jobId}:${page}`;
		const cached = this.cache.get(key);
		if (cached) return cached;
		const layout = this.layout(jobId);
		const start = layout?.starts[page];
		if (!layout || start === void 0) return [];
		const end = layout.starts[page + 1] ?? layout.end;
		const bytes = Buffer.alloc(Math.max(0, end - start));
		const fd = (0, node_fs.openSync)(layout.path, "r");
		try {
			let read = 0;
			while (read < bytes.length) {
				const n = (0, node_fs.readSync)(fd, bytes, read, bytes.length - read, start + read);
				if (n === 0) break;
				read += n;
			}
		} finally {
			(0, node_fs.closeSync)(fd);
		}
		const rows = require_validate_job.parseSlice(bytes, layout.delimiter).filter((cells) => !require_validate_job.isBlank(cells)).slice(0, layout.pageSize);
		this.cache.set(key, rows);
		if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value);
		return rows;
	}
	/** The cells of one row as parsed (undefined past the end). */
	cells(jobId, row) {
		const size = this.pageSize(jobId);
		return this.page(jobId, pageOf(row, size))[(row - 1) % size];
	}
	/** The job's file was read again (a new analysis): forget what is cached. */
	forget(jobId) {
		this.layouts.delete(jobId);
		for (const key of [...this.cache.keys()]) if (key.startsWith(`${jobId}:`)) this.cache.delete(key);
	}
};
// src/main/core/jobs/row-sender.ts
var firstStep = (mode) => mode === "recipe" ? "actions" : mode === "update" ? "edit" : "create";
var settled = (settlement) => ({
	kind: "settled",
	settlement
});
var NOT_FOUND = /* @__PURE__ */ new Set(["243", "234"]);
var DONE_STATUS = {
	create: "created",
	edit: "updated",
	actions: "updated"
};
var DONE_TEXT = {
	create: "Created",
	edit: "Updated",
	actions: "Applied"
};
function fieldsOf(plan) {
	if (!plan.lead) return {};
	const { email: _email, ...fields } = plan.lead;
	return fields;
}
function send(caller, plan, step) {
	if (step === "create") return sendCreate(caller, "bulk", plan.lead, plan.actions);
	if (step === "edit") return sendEdit(caller, "bulk", { email: plan.lead.email }, fieldsOf(plan), plan.actions);
	return sendActions(caller, "bulk", plan.ref, plan.actions);
}
function fromChain(step, outcome) {
	const refused = outcome.results.filter((r) => !r.ok && !r.notRun);
	const notRun = outcome.results.filter((r) => r.notRun);
	if (refused.length === 0 && notRun.length === 0) return {
		status: DONE_STATUS[step],
		outcome: DONE_TEXT[step],
		reason: "done",
		leadId: outcome.leadId
	};
	const done = step === "create" ? "Lead created" : step === "edit" ? "Lead updated" : "Lead found";
	const parts = refused.map((r) => `${r.cmd}: ${r.message}${r.kartraType ? ` (Kartra ${r.kartraType})` : ""}`);
	const skipped = notRun.length > 0 ? `; not run: ${notRun.map((r) => r.cmd).join(", ")}` : "";
	return {
		status: "failed",
		outcome: `${done}${outcome.leadId ? ` (id ${outcome.leadId})` : ""}, but Kartra refused ${parts.join("; ")}${skipped}`,
		reason: "partial",
		leadId: outcome.leadId
	};
}
/** Kartra refused the call at actions[0]: nothing of it was applied. */
function afterRefusal(plan, step, error) {
	if (step === "create" && error.type === "244") {
		if (plan.mode === "upsert") return "edit";
		return {
			status: "skipped",
			outcome: "A lead with this email already exists in Kartra (create only: left unchanged)",
			reason: "exists",
			leadId: null
		};
	}
	if (step === "edit" && NOT_FOUND.has(error.type)) {
		if (plan.mode === "upsert") return "create";
		return {
			status: "skipped",
			outcome: "No lead with this email in Kartra (update only: not created)",
			reason: "missing",
			leadId: null
		};
	}
	return {
		status: "failed",
		outcome: `${describeKartraError(error.type, error.kartraMessage).message}${error.type ? ` (Kartra ${error.type})` : ""}`,
		reason: "kartra",
		leadId: null
	};
}
/**
* Runs the row to a settlement. `recovering` means a call of `step` may already have reached Kartra
* (the app stopped while it was in flight): the lead is read first and the chain re-sent only when
* the read shows it was not applied.
*/
async function sendRow(caller, plan, step, journal, recovering) {
	let current = step;
	let verify = recovering;
	for (let round = 0; round < 5; round++) {
		if (verify) {
			verify = false;
			let state;
			try {
				state = await readLeadState(caller, plan.lead ? { email: plan.lead.email } : plan.ref, "bulk");
			} catch (error) {
				if (error instanceof KartraApiError) return settled({
					status: "failed",
					outcome: `Reading the lead to check an interrupted call failed: ${describeKartraError(error.type, error.kartraMessage).message}`,
					reason: "kartra",
					leadId: null
				});
				return {
					kind: "unknown",
					error
				};
			}
			const decision = decideRecovery({
				step: current,
				state,
				fields: current === "actions" ? {} : fieldsOf(plan),
				actions: plan.actions
			});
			const leadId = state?.lead.id || null;
			if (decision.kind === "applied") return settled({
				status: DONE_STATUS[current],
				outcome: `${DONE_TEXT[current]} (confirmed by reading the lead after the connection was lost)`,
				reason: "done",
				leadId
			});
			if (decision.kind === "check") return settled({
				status: "failed",
				outcome: decision.message,
				reason: "check",
				leadId
			});
		}
		journal.inFlight(current);
		try {
			return settled(fromChain(current, await send(caller, plan, current)));
		} catch (error) {
			if (error instanceof KartraApiError) {
				const next = afterRefusal(plan, current, error);
				if (typeof next === "string") {
					current = next;
					continue;
				}
				return settled(next);
			}
			if (isNotSent(error) || error instanceof RateLimitedError) return {
				kind: "not_sent",
				error
			};
			if (error instanceof TransportError && error.sent) {
				verify = true;
				continue;
			}
			return settled({
				status: "failed",
				outcome: toAppError(error).message,
				reason: "error",
				leadId: null
			});
		}
	}
	return settled({
		status: "failed",
		outcome: "Kartra kept answering \"already exists\" and \"not found\" in turn for this email; check the lead in Kartra.",
		reason: "error",
		leadId: null
	});
}
// src/main/core/jobs/job-runner.ts
var NETWORK_WAIT = "Waiting for the network: Kartra cannot be reached. The job continues by itself when Kartra answers again.";
var JobRunner = class {
	job;
	deps;
	stopKind = null;
	wake = null;
	running = null;
	counts;
	done = 0;
	calls;
	meter = new RateMeter();
	/** Lowest row handed back to "ready" in this pass: the resume point must not pass it. */
	floor = Number.POSITIVE_INFINITY;
	cursorRow;
	lastSavedAt = 0;
	detached = false;
	constructor(job, deps) {
		this.job = job;
		this.deps = deps;
		this.counts = job.counts;
		this.calls = job.calls;
		this.cursorRow = job.cursorRow;
	}
	get jobId() {
		return this.job.id;
	}
	isActive() {
		return this.running !== null;
	}
	/** Starts the loop if it is not running; also cuts a network wait short (the user pressed resume). */
	start() {
		this.wake?.();
		if (this.running) return;
		this.stopKind = null;
		this.meter = new RateMeter();
		this.done = 0;
		this.running = this.loop().finally(() => {
			this.running = null;
		});
	}
	/** Stops taking rows, lets the ones in flight finish, and records why it stopped. */
	async stop(kind) {
		this.stopKind = kind;
		this.wake?.();
		await this.running;
	}
	/** The core is closing: after this, late answers no longer touch the database (their rows are re-checked next start). */
	detach() {
		this.detached = true;
	}
	live() {
		return {
			counts: this.counts,
			done: this.done,
			calls: this.calls,
			...this.meter.rates()
		};
	}
	record() {
		return this.job;
	}
	setStatus(patch) {
		if (this.detached) return;
		this.deps.jobs.update(this.job.id, {
			...patch,
			counts: this.counts,
			calls: this.calls,
			cursorRow: this.resumePoint()
		});
		this.job = this.deps.jobs.get(this.job.id) ?? this.job;
		this.deps.onChange(true);
	}
	resumePoint() {
		return Math.max(1, Math.min(this.cursorRow, this.floor));
	}
	async loop() {
		try {
			this.setStatus({
				status: "running",
				pauseReason: null,
				error: null,
				startedAt: this.job.startedAt ?? Date.now()
			});
			for (;;) {
				const end = await this.pass();
				if (end === "finished") {
					this.setStatus({
						status: "finished",
						finishedAt: Date.now(),
						error: null
					});
					return;
				}
				if (end === "no_account") {
					this.setStatus({
						status: "paused",
						pauseReason: "account",
						error: "Paused while another Kartra account is open; it continues when this account is current again."
					});
					return;
				}
				if (end === "stopped") break;
				this.setStatus({
					status: "paused",
					pauseReason: "network",
					error: NETWORK_WAIT
				});
				if (!await this.waitForKartra()) break;
				this.setStatus({
					status: "running",
					pauseReason: null,
					error: null
				});
			}
			const kind = this.stopKind;
			if (kind === "pause") this.setStatus({
				status: "paused",
				pauseReason: "user",
				error: null
			});
			else if (kind === "cancel") this.setStatus({
				status: "cancelled",
				pauseReason: null,
				finishedAt: Date.now(),
				error: null
			});
			else if (!this.detached) this.save(true);
		} catch (error) {
			this.deps.log.error("job runner failed", {
				jobId: this.job.id,
				error
			});
			this.setStatus({
				status: "failed",
				error: "The job stopped because of an internal error; the details were written to the log. Resume it to try again."
			});
		}
	}
	/** One sweep: rows left in flight first, then every ready row from the resume point on. */
	async pass() {
		this.counts = this.countsFromDb();
		this.floor = Number.POSITIVE_INFINITY;
		const plan = planner(this.job);
		const recover = this.deps.rows.inFlight(this.job.id).map((rec) => this.item(rec.row, rec.fixed ?? this.deps.pages.cells(this.job.id, rec.row) ?? [], rec, plan, true));
		const cursor = new RowCursor(this.deps.rows, this.deps.pages, this.job, this.job.cursorRow);
		const active = /* @__PURE__ */ new Set();
		const busy = /* @__PURE__ */ new Set();
		let waiting = null;
		const state = { end: "finished" };
		for (;;) {
			if (this.stopKind) {
				state.end = "stopped";
				break;
			}
			if (state.end !== "finished") break;
			const caller = this.deps.caller();
			if (!caller) {
				state.end = "no_account";
				break;
			}
			if (active.size >= this.deps.concurrency) {
				await Promise.race(active);
				continue;
			}
			const next = waiting ?? recover.shift() ?? cursor.next((row, cells, rec) => this.item(row, cells, rec, plan, false));
			waiting = null;
			this.cursorRow = cursor.pageStart();
			if (!next) break;
			const key = "plan" in next.planned ? next.planned.key : `row:${next.row}`;
			if (busy.has(key)) {
				waiting = next;
				await Promise.race(active);
				continue;
			}
			busy.add(key);
			const task = this.process(caller, next).then((result) => {
				if (result !== "ok" && state.end === "finished") state.end = result;
			}).finally(() => {
				busy.delete(key);
				active.delete(task);
			});
			active.add(task);
			this.save(false);
		}
		await Promise.all(active);
		this.save(true);
		if (state.end === "finished" && this.stopKind) return "stopped";
		return state.end;
	}
	item(row, cells, rec, plan, recovering) {
		return {
			row,
			planned: plan(row, cells, rec?.fixed != null),
			step: rec?.step ?? null,
			recovering,
			leadId: rec?.leadId ?? null
		};
	}
	async process(caller, item) {
		const jobId = this.job.id;
		if (!("plan" in item.planned)) {
			this.settle(item.row, {
				status: "failed",
				outcome: `Not sent: ${item.planned.invalid}`,
				reason: "invalid",
				leadId: null
			});
			return "ok";
		}
		const { plan, key } = item.planned;
		const result = await sendRow({ call: (body, options) => {
			this.calls++;
			this.meter.call();
			return caller.call(body, options);
		} }, plan, item.step ?? firstStep(plan.mode), { inFlight: (step) => !this.detached && this.deps.rows.markInFlight(jobId, item.row, step, key, item.leadId) }, item.recovering);
		if (this.detached) return "ok";
		if (result.kind === "settled") {
			this.deps.connectivity?.reportSuccess();
			this.settle(item.row, result.settlement);
			return "ok";
		}
		this.deps.connectivity?.reportFailure(result.error);
		if (result.kind === "not_sent") {
			this.deps.rows.runInTransaction(() => {
				this.deps.rows.backToReady(jobId, item.row);
				this.deps.jobs.lowerCursor(jobId, item.row);
			});
			this.floor = Math.min(this.floor, item.row);
		}
		return "network";
	}
	settle(row, settlement) {
		if (this.detached) return;
		this.deps.rows.settle(this.job.id, row, settlement);
		this.counts = {
			...this.counts,
			ready: Math.max(0, this.counts.ready - 1),
			[settlement.status]: this.counts[settlement.status] + 1
		};
		this.done++;
		this.meter.row();
		this.deps.onChange(false);
	}
	/** Persists counts, calls and the resume point a few times a second (and at the end of a pass). */
	save(force) {
		const now = Date.now();
		if (this.detached || !force && now - this.lastSavedAt < 250) return;
		this.lastSavedAt = now;
		this.deps.jobs.update(this.job.id, {
			counts: this.counts,
			calls: this.calls,
			cursorRow: this.resumePoint()
		});
	}
	countsFromDb() {
		const byStatus = this.deps.rows.countByStatus(this.job.id);
		const n = (s) => byStatus[s] ?? 0;
		const counts = {
			invalid: n("invalid"),
			excluded: n("excluded"),
			created: n("created"),
			updated: n("updated"),
			skipped: n("skipped"),
			failed: n("failed")
		};
		const settled = Object.values(counts).reduce((a, b) => a + b, 0);
		return {
			total: this.job.total,
			ready: Math.max(0, this.job.total - settled),
			...counts
		};
	}
	/** Probes Kartra with backoff until it answers; false when the job was stopped meanwhile. */
	async waitForKartra() {
		const steps = this.deps.probeBackoffMs;
		for (let attempt = 0; !this.stopKind; attempt++) {
			await new Promise((resolve) => {
				const timer = setTimeout(resolve, steps[Math.min(attempt, steps.length - 1)] ?? 1e3);
				this.wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			this.wake = null;
			if (this.stopKind) return false;
			const caller = this.deps.caller();
			if (!caller) return true;
			try {
				await retrieveAccountTags(caller, "bulk");
				this.deps.connectivity?.reportSuccess();
				return true;
			} catch (error) {
				if (error instanceof KartraApiError) return true;
				this.deps.connectivity?.reportFailure(error);
			}
		}
		return false;
	}
};
/** Walks a job's rows from a resume point, page by page, yielding the ones still ready. */
var RowCursor = class {
	rows;
	pages;
	job;
	page;
	index = 0;
	cells = null;
	journal = /* @__PURE__ */ new Map();
	size;
	constructor(rows, pages, job, from) {
		this.rows = rows;
		this.pages = pages;
		this.job = job;
		this.size = pages.pageSize(job.id);
		this.page = pageOf(Math.max(1, from), this.size);
	}
	pageStart() {
		return this.page * this.size + 1;
	}
	next(make) {
		for (;;) {
			if (!this.cells) {
				if (this.page * this.size >= this.job.total) return null;
				this.cells = this.pages.page(this.job.id, this.page);
				this.journal = this.rows.range(this.job.id, this.pageStart(), this.pageStart() + this.size - 1);
				this.index = 0;
			}
			if (this.index >= this.size || this.pageStart() + this.index > this.job.total) {
				this.page++;
				this.cells = null;
				continue;
			}
			const i = this.index++;
			const row = this.pageStart() + i;
			const rec = this.journal.get(row);
			if (rec && rec.status !== "ready") continue;
			return make(row, rec?.fixed ?? this.cells[i] ?? [], rec);
		}
	}
};
// src/main/core/jobs/jobs-service.ts
var EMIT_EVERY_MS = 250;
var DEFAULT_PROBES = [
	1e3,
	2e3,
	4e3,
	8e3,
	15e3,
	3e4
];
var JobsService = class {
	deps;
	runners = /* @__PURE__ */ new Map();
	emitTimers = /* @__PURE__ */ new Map();
	lastEmit = /* @__PURE__ */ new Map();
	closed = false;
	constructor(deps) {
		this.deps = deps;
	}
	/** A job of the current account; not_found for another account's (switching accounts never mixes them). */
	require(jobId) {
		const { account } = this.deps.connection.require();
		const job = this.deps.jobs.get(jobId);
		if (!job || job.accountId !== account.id) throw new require_validate_job.AppError("not_found", "No such import or recipe run in this account.", { details: { field: "jobId" } });
		return job;
	}
	progress(jobId) {
		const job = this.require(jobId);
		const runner = this.runners.get(jobId);
		return runner?.isActive() ? toProgress(runner.record(), runner.live()) : toProgress(job);
	}
	list(limit) {
		const { account } = this.deps.connection.require();
		return { jobs: this.deps.jobs.list(account.id, limit).map((job) => {
			const runner = this.runners.get(job.id);
			return runner?.isActive() ? toProgress(runner.record(), runner.live()) : toProgress(job);
		}) };
	}
	/** The job's status and plan are stored: run it now if its account is current. */
	start(jobId) {
		const job = this.require(jobId);
		this.runnerFor(job).start();
		return this.progress(jobId);
	}
	async pause(jobId) {
		const job = this.require(jobId);
		if (job.status !== "running" && job.status !== "paused") throw this.notNow(job, "paused");
		const runner = this.runners.get(jobId);
		if (runner?.isActive()) await runner.stop("pause");
		else this.deps.jobs.update(jobId, {
			status: "paused",
			pauseReason: "user",
			error: null
		});
		this.emitNow(jobId);
		return this.progress(jobId);
	}
	resume(jobId) {
		const job = this.require(jobId);
		if (!(job.status === "paused" || job.status === "running" || job.status === "failed" && job.startedAt !== null)) throw this.notNow(job, "resumed");
		this.runnerFor(job).start();
		return this.progress(jobId);
	}
	async cancel(jobId) {
		const job = this.require(jobId);
		if (job.status === "finished" || job.status === "cancelled") throw this.notNow(job, "cancelled");
		const runner = this.runners.get(jobId);
		if (runner?.isActive()) await runner.stop("cancel");
		else this.deps.jobs.update(jobId, {
			status: "cancelled",
			pauseReason: null,
			error: null,
			finishedAt: Date.now()
		});
		this.emitNow(jobId);
		return this.progress(jobId);
	}
	/** The failed and invalid rows as CSV, original columns (with inline fixes) plus an `error` column. */
	exportFailed(jobId) {
		const job = this.require(jobId);
		const headers = job.kind === "recipe" ? RECIPE_HEADERS : job.headers ?? [];
		const errorColumn = headers.some((h) => h.toLowerCase() === "error") ? "import error" : "error";
		const out = [];
		const statuses = ["invalid", "failed"];
		for (let offset = 0;; offset += 1e3) {
			const batch = this.deps.rows.byStatus(jobId, statuses, offset, 1e3);
			for (const rec of batch) {
				const cells = rec.fixed ?? this.deps.pages.cells(jobId, rec.row) ?? [];
				const extra = cells.slice(headers.length).filter((c) => c.trim() !== "");
				const reasons = rec.status === "invalid" ? rec.errors.map((e) => `${e.column}: ${e.message}`) : [rec.outcome ?? "failed"];
				if (extra.length > 0) reasons.push(`cells beyond the last column: ${extra.join(" | ")}`);
				out.push([...headers.map((_, i) => cells[i] ?? ""), reasons.join("; ")]);
			}
			if (batch.length < 1e3) break;
		}
		return {
			fileName: `${(0, node_path.basename)(job.name, (0, node_path.extname)(job.name)) || "import"}-failed.csv`,
			csv: csvDocument([...headers, errorColumn], out),
			rows: out.length
		};
	}
	/** The current account changed (or the app started): its interrupted jobs go on by themselves. */
	onAccountChange() {
		if (this.closed) return;
		const session = this.deps.connection.current();
		if (!session) return;
		for (const job of this.deps.jobs.resumable(session.account.id)) try {
			this.runnerFor(job).start();
		} catch (error) {
			this.deps.log.error("could not resume a job", {
				jobId: job.id,
				error
			});
		}
	}
	/** Push the job's state now (status changes from the import service). */
	emitNow(jobId) {
		clearTimeout(this.emitTimers.get(jobId));
		this.emitTimers.delete(jobId);
		const job = this.deps.jobs.get(jobId);
		if (!job || this.closed) return;
		const runner = this.runners.get(jobId);
		this.lastEmit.set(jobId, Date.now());
		this.deps.emit(runner?.isActive() ? toProgress(runner.record(), runner.live()) : toProgress(job));
	}
	/** Stops every runner; rows still in flight after `graceMs` are checked against Kartra at the next start. */
	async close(graceMs = 3e3) {
		this.closed = true;
		for (const timer of this.emitTimers.values()) clearTimeout(timer);
		this.emitTimers.clear();
		const runners = [...this.runners.values()];
		let timer;
		await Promise.race([Promise.all(runners.map((r) => r.stop("detach"))), new Promise((resolve) => {
			timer = setTimeout(resolve, graceMs);
		})]);
		clearTimeout(timer);
		runners.forEach((r) => r.detach());
	}
	runnerFor(job) {
		if (this.closed) throw new require_validate_job.AppError("internal", "The app is closing.");
		const existing = this.runners.get(job.id);
		if (existing) return existing;
		const runner = new JobRunner(job, {
			jobs: this.deps.jobs,
			rows: this.deps.rows,
			pages: this.deps.pages,
			caller: () => {
				const session = this.deps.connection.current();
				return session && session.account.id === job.accountId ? session.client : void 0;
			},
			concurrency: this.deps.concurrency ?? 24,
			probeBackoffMs: this.deps.probeBackoffMs ?? DEFAULT_PROBES,
			connectivity: this.deps.connectivity,
			log: this.deps.log,
			onChange: (urgent) => this.changed(job.id, urgent)
		});
		this.runners.set(job.id, runner);
		return runner;
	}
	changed(jobId, urgent) {
		if (this.closed) return;
		const since = Date.now() - (this.lastEmit.get(jobId) ?? 0);
		if (urgent || since >= EMIT_EVERY_MS) {
			this.emitNow(jobId);
			return;
		}
		if (this.emitTimers.has(jobId)) return;
		const timer = setTimeout(() => this.emitNow(jobId), EMIT_EVERY_MS - since);
		timer.unref();
		this.emitTimers.set(jobId, timer);
	}
	notNow(job, what) {
		return new require_validate_job.AppError("invalid_input", `This job is ${job.status.replace("_", " ")}; it cannot be ${what} now.`, { details: { field: "jobId" } });
	}
};
// src/main/core/jobs/recipes-service.ts
var toRecipe = (r) => ({
	id: r.id,
	name: r.name,
	actions: JSON.parse(r.actions_json),
	updatedAt: r.updated_at
});
var RecipesService = class {
	deps;
	constructor(deps) {
		this.deps = deps;
	}
	list() {
		const { account } = this.deps.connection.require();
		return { recipes: this.deps.db.prepare("SELECT id, name, actions_json, updated_at FROM recipes WHERE account_id = ? ORDER BY name COLLATE NOCASE").all(account.id).map(toRecipe) };
	}
	async save(input) {
		const { account } = this.deps.connection.require();
		if (input.id !== void 0 && !this.find(account.id, input.id)) throw new require_validate_job.AppError("not_found", "That recipe no longer exists.", { details: { field: "id" } });
		const clash = this.list().recipes.find((r) => r.name.toLowerCase() === input.name.toLowerCase() && r.id !== input.id);
		if (clash) throw new require_validate_job.AppError("already_exists", `A recipe named "${clash.name}" already exists; pick another name or edit that one.`, { details: { field: "name" } });
		await this.deps.account.assertNamesExist(input.actions);
		const id = input.id ?? (0, node_crypto.randomUUID)();
		const now = Date.now();
		this.deps.db.prepare(`INSERT INTO recipes (id, account_id, name, actions_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, actions_json = excluded.actions_json, updated_at = excluded.updated_at`).run(id, account.id, input.name, JSON.stringify(input.actions), now);
		return this.find(account.id, id);
	}
	delete(id) {
		const { account } = this.deps.connection.require();
		if (!this.find(account.id, id)) throw new require_validate_job.AppError("not_found", "That recipe no longer exists.", { details: { field: "id" } });
		this.deps.db.prepare("DELETE FROM recipes WHERE id = ? AND account_id = ?").run(id, account.id);
		return this.list();
	}
	/** One journaled job: a row per lead, each a single chained call (runActions) on the bulk lane. */
	async apply(recipeId, target) {
		const { account } = this.deps.connection.require();
		const recipe = this.find(account.id, recipeId);
		if (!recipe) throw new require_validate_job.AppError("not_found", "That recipe no longer exists.", { details: { field: "recipeId" } });
		const targets = this.targets(target);
		if (targets.length === 0) throw new require_validate_job.AppError("invalid_input", "That import has no leads in Kartra yet (nothing was created or updated).", { details: { field: "target" } });
		const actions = chainOrder(recipe.actions);
		await this.deps.account.assertNamesExist(actions);
		const id = (0, node_crypto.randomUUID)();
		const job = this.deps.jobs.create({
			id,
			accountId: account.id,
			kind: "recipe",
			name: recipe.name,
			status: "running",
			total: targets.length,
			headers: RECIPE_HEADERS,
			plan: {
				kind: "recipe",
				recipeId,
				actions
			},
			layout: writeTargets(jobDir(this.deps.dataDir, id), targets)
		});
		return this.deps.runner.start(job.id);
	}
	targets(target) {
		if ("leadIds" in target) return [...new Set(target.leadIds)].map((id) => [id, ""]);
		if ("emails" in target) {
			const seen = /* @__PURE__ */ new Set();
			return target.emails.filter((e) => !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase())).map((email) => ["", email]);
		}
		const job = this.deps.runner.require(target.importJobId);
		if (job.kind !== "import") throw new require_validate_job.AppError("invalid_input", "Pick an import, not a recipe run, as the target.", { details: { field: "target.importJobId" } });
		return this.deps.rows.leadsOf(job.id).map((l) => [l.leadId ?? "", l.email ?? ""]);
	}
	find(accountId, id) {
		const raw = this.deps.db.prepare("SELECT id, name, actions_json, updated_at FROM recipes WHERE id = ? AND account_id = ?").get(id, accountId);
		return raw && toRecipe(raw);
	}
};
/** The run's leads as a small CSV in the job's folder, read page by page like an import's file. */
function writeTargets(folder, targets) {
	(0, node_fs.mkdirSync)(folder, { recursive: true });
	const path = (0, node_path.join)(folder, "targets.csv");
	const parts = [csvLine(RECIPE_HEADERS)];
	let offset = Buffer.byteLength(parts[0]);
	const starts = [];
	targets.forEach((target, i) => {
		if (i % 500 === 0) starts.push(offset);
		const line = csvLine(target);
		parts.push(line);
		offset += Buffer.byteLength(line);
	});
	(0, node_fs.writeFileSync)(path, parts.join(""));
	return {
		path,
		delimiter: ",",
		sepLine: false,
		pageSize: 500,
		starts,
		end: offset
	};
}
// src/main/core/create-core.ts
async function createCore(options) {
	const log = options.log ?? createLogger();
	const dbFile = (0, node_path.join)(options.dataDir, "lead-desk.sqlite");
	const db = openDatabase(dbFile);
	const events = new EventHub(log);
	const limiters = new LimiterRegistry({
		log,
		...options.limiter,
		onState: (state) => events.emit("limiter.state", state)
	});
	const sandbox = new BuiltinSandbox(options.dataDir, options.sandbox);
	const keychain = await (options.openKeychain ?? openKeychain)();
	if (!keychain.store) log.warn("no keychain: credentials can only be kept for this session", { reason: keychain.reason });
	const vault = new CredentialVault(keychain.store, keychain.reason);
	const accountsRepo = new AccountsRepo(db);
	const cacheRepo = new AccountCacheRepo(db);
	const leadCache = new LeadCacheRepo(db);
	let lastOnline = true;
	const status = () => ({
		version: options.version,
		account: connection.info(),
		online: outbox.connectivity.isOnline(),
		defaultAppId: options.defaultAppId ?? null,
		keychain: vault.status()
	});
	const connection = new ConnectionService({
		accounts: accountsRepo,
		settings: new SettingsRepo(db),
		limiters,
		sandbox,
		vault,
		log,
		onChange: () => {
			events.emit("app.status", status());
			outbox.resume();
			jobs.onAccountChange();
		}
	});
	const outbox = new OutboxService({
		repo: new OutboxRepo(db),
		connection,
		cache: leadCache,
		log,
		concurrency: options.outboxConcurrency,
		probeBackoffMs: options.probeBackoffMs,
		onItem: (view) => events.emit("outbox.item", view),
		onState: (state) => {
			events.emit("outbox.state", state);
			if (state.online !== lastOnline) {
				lastOnline = state.online;
				events.emit("app.status", status());
			}
		},
		onLeadUpdated: (accountId, leadId) => {
			const cached = leadCache.get(accountId, { id: leadId });
			if (cached) events.emit("lead.updated", {
				accountId,
				lead: cached.lead
			});
		}
	});
	const accounts = new AccountsService({
		accounts: accountsRepo,
		cache: cacheRepo,
		vault,
		connection,
		limiters,
		log
	});
	const account = new AccountService(connection, cacheRepo);
	const leads = new LeadService({
		connection,
		cache: leadCache,
		account,
		outbox,
		accounts: accountsRepo,
		confirmWaitMs: options.confirmWaitMs
	});
	const jobRepo = new JobRepo(db);
	const rowRepo = new RowRepo(db);
	const pages = new Pages(jobRepo);
	const jobs = new JobsService({
		jobs: jobRepo,
		rows: rowRepo,
		pages,
		connection,
		log,
		emit: (progress) => events.emit("job.progress", progress),
		concurrency: options.jobConcurrency,
		probeBackoffMs: options.probeBackoffMs,
		connectivity: outbox.connectivity
	});
	const parseWorker = new ParseWorker({
		log,
		entry: resolveWorkerEntry(options.importWorkerPath)
	});
	const imports = new ImportService({
		dataDir: options.dataDir,
		dbFile,
		connection,
		account,
		jobs: jobRepo,
		rows: rowRepo,
		pages,
		mappings: new MappingRepo(db),
		runner: jobs,
		worker: parseWorker,
		uploads: new Uploads(options.dataDir, jobRepo),
		emit: (progress) => events.emit("job.progress", progress)
	});
	const recipes = new RecipesService({
		dataDir: options.dataDir,
		db,
		connection,
		account,
		jobs: jobRepo,
		rows: rowRepo,
		runner: jobs
	});
	const router = createRouter({
		"app.status": async () => status(),
		"sandbox.connect": async () => connection.connectSandbox(),
		"accounts.list": async () => accounts.list(),
		"accounts.connect": async (input) => accounts.connect(input),
		"accounts.switch": async ({ id }) => accounts.switchTo(id),
		"accounts.rename": async ({ id, label }) => accounts.rename(id, label),
		"accounts.forget": async ({ id, deleteLocalData }) => accounts.forget(id, deleteLocalData),
		"leads.find": async ({ query }) => leads.find(query),
		"leads.search": async ({ query, offset, limit }) => leads.search(query, offset, limit),
		"leads.profile": async ({ id }) => leads.profile(id),
		"leads.create": async ({ lead, actions }) => leads.create(lead, actions),
		"leads.edit": async ({ lead, changes, seen, actions }) => leads.edit(lead, changes, seen, actions),
		"leads.applyActions": async ({ lead, actions }) => leads.applyActions(lead, actions),
		"leads.checkEmail": async ({ email, exceptLeadId }) => leads.checkEmail(email, exceptLeadId),
		"account.tags": async ({ refresh }) => account.tags(refresh),
		"account.lists": async ({ refresh }) => account.lists(refresh),
		"account.createCustomField": async ({ identifier, type, options }) => account.createCustomField(identifier, type, options),
		"outbox.list": async ({ statuses, limit }) => ({
			items: outbox.list(statuses.filter((s) => s !== "done"), limit),
			state: outbox.state()
		}),
		"outbox.retry": async ({ ids }) => outbox.retry(ids),
		"outbox.discard": async ({ ids }) => outbox.discard(ids),
		"outbox.edit": async ({ id, change }) => outbox.edit(id, change),
		"outbox.resolve": async ({ id, keep }) => outbox.resolve(id, keep),
		"import.begin": async ({ fileName, bytes }) => imports.begin(fileName, bytes),
		"import.chunk": async ({ jobId, offset, data, final }) => imports.chunk(jobId, offset, data, final),
		"import.analyze": async ({ jobId }) => imports.analyze(jobId),
		"import.validate": async ({ jobId, mapping }) => imports.validate(jobId, mapping),
		"import.rows": async ({ jobId, offset, limit, statuses }) => imports.rows(jobId, offset, limit, statuses),
		"import.fixCell": async ({ jobId, row, column, value }) => imports.fixCell(jobId, row, column, value),
		"import.exclude": async ({ jobId, rows, excluded }) => imports.exclude(jobId, rows, excluded),
		"import.start": async ({ jobId, options }) => imports.start(jobId, options),
		"jobs.pause": async ({ jobId }) => jobs.pause(jobId),
		"jobs.resume": async ({ jobId }) => jobs.resume(jobId),
		"jobs.cancel": async ({ jobId }) => jobs.cancel(jobId),
		"jobs.list": async ({ limit }) => jobs.list(limit),
		"jobs.get": async ({ jobId }) => jobs.progress(jobId),
		"jobs.exportFailed": async ({ jobId }) => jobs.exportFailed(jobId),
		"recipes.list": async () => recipes.list(),
		"recipes.save": async ({ id, name, actions }) => recipes.save({
			id,
			name,
			actions
		}),
		"recipes.delete": async ({ id }) => recipes.delete(id),
		"recipes.apply": async ({ recipeId, target }) => recipes.apply(recipeId, target)
	}, log);
	await connection.restore();
	let closed = false;
	return {
		handle: (command, input) => router.handle(command, input),
		onEvent: (listener) => events.on(listener),
		builtinSandbox: () => sandbox.current(),
		setOsOnline: (online) => outbox.setOsOnline(online),
		outboxIdle: () => outbox.idle(),
		importFile: (path) => imports.fromFile(path),
		async close() {
			if (closed) return;
			closed = true;
			await jobs.close();
			outbox.close();
			await outbox.idle();
			await connection.close();
			limiters.closeAll();
			await sandbox.close();
			await parseWorker.close();
			db.close();
		}
	};
}
var APP_ORIGIN = `app://lead-desk`;
`${APP_ORIGIN}`;
/**
* "scheme://host[:port]" of a URL, or null when it has none. WHATWG URL reports origin "null" for
* custom schemes such as app://, so it is built from protocol and host instead.
*/
function originOf(url) {
	if (!url) return null;
	try {
		const parsed = new URL(url);
		if (!parsed.host) return null;
		return `${parsed.protocol}//${parsed.host}`.toLowerCase();
	} catch {
		return null;
	}
}
function isTrustedUrl(url, trustedOrigins) {
	const origin = originOf(url);
	return origin !== null && trustedOrigins.some((trusted) => trusted.toLowerCase() === origin);
}
// src/main/shell/csp.ts
/**
* Production policy: only the app's own origin. Mantine writes <style> tags (CSS variables), so
* styles allow 'unsafe-inline'; scripts never do. connect-src 'self' lets the e2e host's page open
* its WebSocket back to the origin it was served from (CSP3 maps 'self' to ws: on the same host);
* in Electron 'self' is app://lead-desk, which serves static files only.
*/
var APP_CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data:",
	"font-src 'self' data:",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
	"frame-src 'none'",
	"worker-src 'self'"
].join("; ");
/**
* Development policy (electron-vite dev server only, never packaged): Vite's React-refresh preamble is
* an inline script and HMR talks over a WebSocket to the dev server.
*/
function devCsp(devServerUrl) {
	const url = new URL(devServerUrl);
	const wsOrigin = `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
	return APP_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", `connect-src 'self' ${wsOrigin}`);
}
/** Headers every page and asset of the app is served with, besides its content type. */
function securityHeaders(csp = APP_CSP) {
	return {
		"Content-Security-Policy": csp,
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy": "no-referrer",
		"Cross-Origin-Opener-Policy": "same-origin",
		"X-Frame-Options": "DENY"
	};
}
// src/main/shell/static-files.ts
var MIME = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".mjs": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".json": "application/json; charset=utf-8",
	".map": "application/json; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
	".jpg": "image/jpeg",
	".jpeg": "image/jpeg",
	".gif": "image/gif",
	".webp": "image/webp",
	".ico": "image/x-icon",
	".woff": "font/woff",
	".woff2": "font/woff2",
	".ttf": "font/ttf",
	".txt": "text/plain; charset=utf-8",
	".csv": "text/csv; charset=utf-8",
	".wasm": "application/wasm"
};
function mimeType(file) {
	return MIME[(0, node_path.extname)(file).toLowerCase()] ?? "application/octet-stream";
}
/**
* Maps a URL path ("/assets/x.js", "/" → index.html) to a file inside rootDir and reads it.
* Anything that would leave rootDir (.., encoded slashes, symlinks pointing out) is a 404, never a read.
*/
async function readStaticFile(rootDir, urlPath, csp) {
	const notFound = (status = 404, text = "Not found") => ({
		status,
		headers: {
			"Content-Type": "text/plain; charset=utf-8",
			...securityHeaders(csp)
		},
		body: text
	});
	let decoded;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return notFound(400, "Bad request");
	}
	if (decoded.includes("\0") || decoded.includes("\\")) return notFound(400, "Bad request");
	const relative = decoded === "" || decoded.endsWith("/") ? `${decoded}index.html` : decoded;
	const root = (0, node_path.resolve)(rootDir);
	const candidate = (0, node_path.resolve)((0, node_path.join)(root, relative));
	if (candidate !== root && !candidate.startsWith(root + node_path.sep)) return notFound();
	try {
		const [realRoot, realFile] = await Promise.all([(0, node_fs_promises.realpath)(root), (0, node_fs_promises.realpath)(candidate)]);
		if (!realFile.startsWith(realRoot + node_path.sep)) return notFound();
		if (!(await (0, node_fs_promises.stat)(realFile)).isFile()) return notFound();
		const body = await (0, node_fs_promises.readFile)(realFile);
		return {
			status: 200,
			headers: {
				"Content-Type": mimeType(realFile),
				"Cache-Control": "no-cache",
				...securityHeaders(csp)
			},
			body
		};
	} catch {
		return notFound();
	}
}
// src/main/shell/app-protocol.ts
/** Must run before the app's 'ready' event. */
function registerAppScheme() {
	electron.protocol.registerSchemesAsPrivileged([{
		scheme: "app",
		privileges: {
			standard: true,
			secure: true,
			supportFetchAPI: true,
			corsEnabled: true,
			codeCache: true
		}
	}]);
}
/** Serves rendererDir on app://lead-desk/ with the CSP header; any other host or method is refused. */
function handleAppProtocol(rendererDir, csp) {
	electron.protocol.handle("app", async (request) => {
		const url = new URL(request.url);
		if (url.host !== "lead-desk") return new Response("Not found", { status: 404 });
		if (request.method !== "GET" && request.method !== "HEAD") return new Response("Method not allowed", { status: 405 });
		const file = await readStaticFile(rendererDir, url.pathname, csp);
		const body = request.method === "HEAD" ? null : typeof file.body === "string" ? file.body : new Uint8Array(file.body);
		return new Response(body, {
			status: file.status,
			headers: file.headers
		});
	});
}
// src/main/shell/file-log.ts
/** Falls back to stderr only when the folder cannot be created: a read-only disk must not stop the app. */
function createFileLogger(logsDir) {
	try {
		(0, node_fs.mkdirSync)(logsDir, { recursive: true });
	} catch (error) {
		process.stderr.write(`Lead Desk: cannot write logs to ${logsDir}: ${String(error)}\n`);
		return {
			log: createLogger(),
			close: () => void 0
		};
	}
	const stream = (0, node_fs.createWriteStream)((0, node_path.join)(logsDir, "main.log"), { flags: "a" });
	stream.on("error", () => void 0);
	return {
		log: createLogger((line) => {
			process.stderr.write(line + "\n");
			if (stream.writable) stream.write(line + "\n");
		}),
		close: () => stream.end()
	};
}
// src/main/shell/ipc.ts
/** Channel names; the preload (src/preload/index.ts) uses the same strings. */
var COMMAND_CHANNEL_PREFIX = "lead-desk:cmd:";
var EVENT_CHANNEL = "lead-desk:event";
var commandChannel = (name) => `${COMMAND_CHANNEL_PREFIX}${name}`;
/**
* A refused message still gets an answer: `ipcMain.handle` must resolve something, and a thrown error
* would be serialized back with its text. This envelope says nothing about the app's state, keeps the
* "never throws" guarantee, and the attempt is logged in main.
*/
var REFUSED_SENDER_REPLY = errorEnvelope({
	code: "invalid_input",
	message: "Message refused: it did not come from the Lead Desk window.",
	retryable: false,
	details: { field: "sender" }
});
/** Registers every command of the contract; returns a function that removes them again. */
function registerIpcRouter(options) {
	for (const name of COMMAND_NAMES) electron.ipcMain.handle(commandChannel(name), async (event, input) => {
		try {
			if (!options.isTrustedSender(event)) {
				options.log.warn("ipc message from a foreign sender dropped", {
					command: name,
					url: event.senderFrame?.url
				});
				return REFUSED_SENDER_REPLY;
			}
			return await options.core.handle(name, input);
		} catch (error) {
			options.log.error("ipc handler failed", {
				command: name,
				error
			});
			return errorEnvelope({
				code: "internal",
				message: `Lead Desk could not run ${name}.`,
				retryable: true
			});
		}
	});
	return () => {
		for (const name of COMMAND_NAMES) electron.ipcMain.removeHandler(commandChannel(name));
	};
}
/**
* The sender check: the message must come from the window's own web contents, from its main frame
* (not an iframe), and that frame must currently show one of the app's origins.
*/
function isAppMainFrame(event, win, trustedOrigins) {
	if (!win || win.isDestroyed()) return false;
	const contents = win.webContents;
	const frame = event.senderFrame;
	if (!frame || event.sender !== contents) return false;
	const main = contents.mainFrame;
	if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
	if (frame.parent !== null) return false;
	return isTrustedUrl(frame.url, trustedOrigins);
}
/** Pushes core events to the window's renderer; returns the unsubscribe function. */
function forwardCoreEvents(core, target) {
	return core.onEvent((name, payload) => {
		const contents = target();
		if (!contents || contents.isDestroyed() || !isEventName(name)) return;
		contents.send(EVENT_CHANNEL, name, payload);
	});
}
// src/main/shell/menu.ts
function menuTemplate({ isDev, isMac }) {
	const template = [];
	if (isMac) template.push({ role: "appMenu" });
	else template.push({
		label: "File",
		submenu: [{ role: "quit" }]
	});
	template.push({
		label: "Edit",
		submenu: [
			{ role: "undo" },
			{ role: "redo" },
			{ type: "separator" },
			{ role: "cut" },
			{ role: "copy" },
			{ role: "paste" },
			{ role: "selectAll" }
		]
	});
	const view = [
		{ role: "resetZoom" },
		{ role: "zoomIn" },
		{ role: "zoomOut" },
		{ type: "separator" },
		{ role: "togglefullscreen" }
	];
	if (isDev) view.unshift({ role: "reload" }, { role: "forceReload" }, { role: "toggleDevTools" }, { type: "separator" });
	template.push({
		label: "View",
		submenu: view
	});
	template.push({ role: "windowMenu" });
	return template;
}
function installMenu(options) {
	electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate(options)));
}
// src/main/shell/window.ts
/** The window's options; exported so the test can assert every security-relevant preference. */
function mainWindowOptions(preloadPath) {
	return {
		width: 1280,
		height: 820,
		minWidth: 900,
		minHeight: 600,
		show: false,
		title: "Lead Desk",
		backgroundColor: "#ffffff",
		webPreferences: {
			preload: preloadPath,
			contextIsolation: true,
			sandbox: true,
			nodeIntegration: false,
			nodeIntegrationInWorker: false,
			nodeIntegrationInSubFrames: false,
			webSecurity: true,
			webviewTag: false,
			safeDialogs: true,
			spellcheck: true
		}
	};
}
function createMainWindow(options) {
	const win = new electron.BrowserWindow(mainWindowOptions(options.preloadPath));
	hardenWebContents(win.webContents, options.trustedOrigins);
	win.once("ready-to-show", () => win.show());
	win.loadURL(options.startUrl);
	return win;
}
/** Only https (and mailto) links leave the app, and only to the user's default browser / mail app. */
function opensExternally(url) {
	try {
		const protocol = new URL(url).protocol;
		return protocol === "https:" || protocol === "mailto:";
	} catch {
		return false;
	}
}
var hardened = /* @__PURE__ */ new WeakSet();
/**
* Blocks everything a compromised or confused page could use to leave the app's own origin:
* navigation, redirects, window.open and <webview>. A clicked https link opens in the system browser.
*/
function hardenWebContents(contents, trustedOrigins) {
	if (hardened.has(contents)) return;
	hardened.add(contents);
	const guard = (event, url) => {
		if (isTrustedUrl(url, trustedOrigins)) return;
		event.preventDefault();
		if (opensExternally(url)) electron.shell.openExternal(url);
	};
	contents.on("will-navigate", (event, url) => guard(event, url));
	contents.on("will-redirect", (event, url) => guard(event, url));
	contents.on("will-attach-webview", (event) => event.preventDefault());
	contents.setWindowOpenHandler(({ url }) => {
		if (opensExternally(url)) electron.shell.openExternal(url);
		return { action: "deny" };
	});
}
var NETWORK_SCHEMES = /* @__PURE__ */ new Set([
	"http:",
	"https:",
	"ws:",
	"wss:",
	"file:",
	"ftp:"
]);
/**
* Session-wide rules: every permission request is denied, network requests may only go to the app's
* own origin (the core, not the page, talks to Kartra), and app responses carry the CSP header.
*/
function installSessionSecurity(session, options) {
	session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
	session.setPermissionCheckHandler(() => false);
	session.webRequest.onBeforeRequest((details, callback) => {
		let scheme = "";
		try {
			scheme = new URL(details.url).protocol;
		} catch {
			return callback({ cancel: true });
		}
		const asHttp = details.url.replace(/^ws(s?):/i, "http$1:");
		callback({ cancel: NETWORK_SCHEMES.has(scheme) && !isTrustedUrl(asHttp, options.trustedOrigins) });
	});
	session.webRequest.onHeadersReceived((details, callback) => {
		if (!isTrustedUrl(details.url, options.trustedOrigins)) return callback({});
		callback({ responseHeaders: withCsp(details.responseHeaders, options.csp) });
	});
}
/** Replaces any CSP the response had (whatever its header case) with ours. */
function withCsp(headers, csp) {
	const out = {};
	for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() !== "content-security-policy") out[name] = value;
	out["Content-Security-Policy"] = [csp];
	return out;
}
// src/main/shell/index.ts
if (process.env.LEAD_DESK_DATA_DIR) electron.app.setPath("userData", (0, node_path.resolve)(process.env.LEAD_DESK_DATA_DIR));
var devUrl = !electron.app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : void 0;
var devOrigin = devUrl ? originOf(devUrl) : null;
var trustedOrigins = devOrigin ? [devOrigin] : [APP_ORIGIN];
var csp = devUrl ? devCsp(devUrl) : APP_CSP;
registerAppScheme();
electron.app.enableSandbox();
var core;
var mainWindow = null;
var coreClosed = false;
var quitting = false;
var { log, close: closeLog } = createFileLogger((0, node_path.join)(electron.app.getPath("userData"), "logs"));
function openWindow() {
	mainWindow = createMainWindow({
		preloadPath: (0, node_path.join)(__dirname, "../preload/index.js"),
		startUrl: devUrl ?? "app://lead-desk/index.html",
		trustedOrigins
	});
	mainWindow.on("closed", () => {
		mainWindow = null;
	});
}
async function start() {
	await electron.app.whenReady();
	installSessionSecurity(electron.session.defaultSession, {
		csp,
		trustedOrigins
	});
	handleAppProtocol((0, node_path.join)(__dirname, "../renderer"), csp);
	installMenu({
		isDev: Boolean(devUrl),
		isMac: process.platform === "darwin"
	});
	core = await createCore({
		dataDir: electron.app.getPath("userData"),
		version: electron.app.getVersion(),
		log
	});
	registerIpcRouter({
		core,
		isTrustedSender: (event) => isAppMainFrame(event, mainWindow, trustedOrigins),
		log
	});
	forwardCoreEvents(core, () => mainWindow?.webContents ?? null);
	openWindow();
	log.info("Lead Desk started", {
		version: electron.app.getVersion(),
		dataDir: electron.app.getPath("userData")
	});
}
if (!electron.app.requestSingleInstanceLock()) electron.app.quit();
else {
	electron.app.on("second-instance", () => {
		if (!mainWindow) return;
		if (mainWindow.isMinimized()) mainWindow.restore();
		mainWindow.focus();
	});
	electron.app.on("web-contents-created", (_event, contents) => hardenWebContents(contents, trustedOrigins));
	electron.app.on("window-all-closed", () => {
		if (process.platform !== "darwin") electron.app.quit();
	});
	electron.app.on("activate", () => {
		if (core && electron.BrowserWindow.getAllWindows().length === 0) openWindow();
	});
	electron.app.on("before-quit", (event) => {
		if (!core || coreClosed) return;
		event.preventDefault();
		if (quitting) return;
		quitting = true;
		const timeout = new Promise((done) => setTimeout(done, 5e3).unref());
		Promise.race([core.close(), timeout]).catch((error) => log.error("closing the core failed", { error })).finally(() => {
			coreClosed = true;
			closeLog();
			electron.app.quit();
		});
	});
	start().catch((error) => {
		log.error("Lead Desk could not start", { error });
		electron.dialog.showErrorBox("Lead Desk could not start", error instanceof Error ? error.message : String(error));
		electron.app.exit(1);
	});
}
