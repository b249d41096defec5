import type { ReactNode } from "react";
import "langgraph-runs-react/styles.css";
import { Providers } from "./providers";

export const metadata = { title: "langgraph-runs-react on Next.js" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
