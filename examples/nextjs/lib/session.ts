// Who is calling: your authentication goes here. Replace the body with your auth library's
// session lookup (Auth.js `auth()`, Clerk's `auth()`, a signed session cookie, …) and return
// null when nobody is signed in: the proxy then answers 401 and forwards nothing.
//
// This example has no sign-in, so every visitor is the same user "demo-user" and sees that
// user's threads. Never deploy it like this.
import type { Session } from "./proxyRoute";

export async function getSession(request: {
  headers: Pick<Headers, "get">;
}): Promise<Session | null> {
  void request.headers; // e.g. read and verify your session cookie: request.headers.get("cookie")
  return { userId: "demo-user" };
}
