// Public API of @ottl/collector/node: network receivers and exporters, the file exporter, the
// health_check extension, the Prometheus endpoint, and running a collector as a process.
export { nodeComponents, nodeFactories } from './components.js';
export { otlpReceiverFactory, type OtlpReceiverConfig } from './otlpReceiver.js';
export { otlpExporterFactory, otlpHttpExporterFactory, type OtlpExporterConfig, type OtlpHttpExporterConfig } from './otlpExporters.js';
export { fileExporterFactory, type FileExporterConfig } from './fileExporter.js';
export { healthCheckExtensionFactory, type HealthCheckConfig } from './healthCheck.js';
export { fileStorageExtensionFactory, type FileStorageConfig } from './fileStorage.js';
export { FileQueue, type FileQueueOptions } from './fileQueue.js';
export { startTelemetryServer, registerProcessMetrics, type TelemetryServer } from './telemetryServer.js';
export { readConfigFiles, startCollector, runUntilSignal, validateConfigFiles, type RunOptions, type RunningCollector } from './run.js';
export { parseHostPort, formatHostPort } from './netConfig.js';
