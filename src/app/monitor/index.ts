/** Continuous monitoring use cases: reference profiles, one-shot runs, alerts, notifications and retraining. */
export { buildBaseline, type BaselineRequest, type BaselineResult } from './baseline.ts';
export { runMonitor, type MonitorRun, type MonitorRunRequest } from './run-monitor.ts';
export { processAlerts, type AlertOptions, type AlertOutcome } from './process-alerts.ts';
export { listAlerts, type AlertListing } from './list-alerts.ts';
export { alertStates, planAlerts, type AlertPlan, type AlertState } from './alert-state.ts';
export { loadReference, REFERENCE_SCHEMA, type ReferenceFile, type LoadedReference } from './reference.ts';
export { profileToJson, profileFromJson, type ProfileJson } from './profile-json.ts';
export { profileTable, type DriftProfile, type TableProfiles, type WatchedColumn } from './profile-table.ts';
export { deliver, type RetryPolicy, type HttpRequest } from './notify/deliver.ts';
export { notifyRequest, retrainRequest, signature } from './notify/payloads.ts';
export { dedupKey, type AlertNotice } from './notify/alert.ts';
export { validateMonitors } from './validate.ts';
export { runMonitorOnStore, loadWatch, type StoredRunRequest } from './run-stored.ts';
export { runStoredWindow, type StoredWindowRun } from './stored-window.ts';
export { loadServedWatches } from './serve-watches.ts';
export { MonitorSchedule, type ScheduleOptions, type Watch } from './schedule.ts';
export { redeliverDue, type RedeliverOptions } from './redeliver.ts';
