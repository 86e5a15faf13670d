import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { clearSessionClaims, sessionClaims } from "./session-token";

const secret = "session-token-test-secret";
const cookie = (token: string) => `other=1; next-auth.session-token=${token}`;

describe("session claims from the cookie", () => {
  beforeEach(() => clearSessionClaims());

  it("reads uid and sessionVersion from a next-auth token, the same on a repeated (cached) request", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3 }, secret });
    const first = await sessionClaims(cookie(token), secret);
    expect(first).toMatchObject({ uid: "u1", sv: 3 });
    expect(await sessionClaims(cookie(token), secret)).toEqual(first);
  });

  it("refuses a token signed with another secret, a tampered one and a missing cookie", async () => {
    const token = await encode({ token: { uid: "u1", sv: 0 }, secret: "another" });
    expect(await sessionClaims(cookie(token), secret)).toBeNull();
    const good = await encode({ token: { uid: "u1", sv: 0 }, secret });
    const tampered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionClaims(cookie(tampered), secret)).toBeNull();
    expect(await sessionClaims("other=1", secret)).toBeNull();
    expect(await sessionClaims(null, secret)).toBeNull();
  });

  it("refuses a token without uid or a numeric sessionVersion", async () => {
    expect(await sessionClaims(cookie(await encode({ token: { uid: "u1" }, secret })), secret)).toBeNull();
    expect(await sessionClaims(cookie(await encode({ token: { sv: 1 }, secret })), secret)).toBeNull();
  });

  it("refuses a cached token once it has expired (beyond next-auth's 15 s tolerance)", async () => {
    const token = await encode({ token: { uid: "u1", sv: 0 }, secret, maxAge: 60 });
    const claims = await sessionClaims(cookie(token), secret);
    expect(claims?.exp).toBeTypeOf("number");
    expect(await sessionClaims(cookie(token), secret, (claims!.exp! + 10) * 1000)).not.toBeNull();
    expect(await sessionClaims(cookie(token), secret, (claims!.exp! + 16) * 1000)).toBeNull();
  });
});
