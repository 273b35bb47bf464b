// The env variables this front end reads (see .env).
interface ImportMetaEnv {
  readonly VITE_API_URL?: string;
  readonly VITE_SOURCE_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
