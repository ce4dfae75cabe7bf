/**
 * The sandbox's page port, checked before anything is opened or seeded: a port already taken
 * (often another `npm start` still running) is named in words, instead of a raw EADDRINUSE after
 * the demo has been set up for nothing.
 */
import { createServer } from "node:net";

export class PortBusyError extends Error {}

export async function assertPortFree(port: number, host = "127.0.0.1"): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE" || e.code === "EACCES") {
        reject(
          new PortBusyError(
            `Cổng ${port} đang được dùng (có thể một bản dondoc khác vẫn đang chạy) hoặc không được phép mở. ` +
              `Tắt chương trình đang dùng cổng đó, hoặc chọn cổng khác: SANDBOX_PORT=${port === 65535 ? 3001 : port + 1} npm start`,
          ),
        );
      } else reject(e);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
