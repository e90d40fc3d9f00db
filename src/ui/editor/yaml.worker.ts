// Re-exported from our own file so Vite bundles it as a worker (monaco-yaml's Vite workaround).
import 'monaco-yaml/yaml.worker.js';
