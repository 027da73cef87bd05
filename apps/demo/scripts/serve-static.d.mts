/** Serves `root` on http://127.0.0.1:<free port>/, with the COOP/COEP headers unless `isolated` is false. */
export function serveStatic(root: string, options?: { isolated?: boolean }): Promise<{ url: string; close: () => Promise<void>; requests: string[] }>;
