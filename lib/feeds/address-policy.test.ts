import { describe, expect, it } from "vitest";
import { addressRefusal, isAddressAllowList, parseAddressAllowList } from "./address-policy";
import { urlRefusal } from "./fetch-feed-document";

describe("the feed address policy", () => {
  it("allows public addresses and refuses every private, loopback, link-local and reserved one", () => {
    for (const address of ["93.184.216.34", "2606:4700:4700::1111"]) expect(addressRefusal(address, [])).toBeNull();
    for (const address of ["127.0.0.1", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fc00::1", "fe80::1", "224.0.0.1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"]) {
      expect(addressRefusal(address, []), address).toMatch(/public addresses only/);
    }
  });

  it("lets the operator's allow-list through, and only that", () => {
    const allowList = parseAddressAllowList("10.20.0.0/16, 127.0.0.1");
    expect(addressRefusal("10.20.4.5", allowList)).toBeNull();
    expect(addressRefusal("127.0.0.1", allowList)).toBeNull();
    expect(addressRefusal("::ffff:127.0.0.1", allowList)).toBeNull();
    expect(addressRefusal("10.21.0.1", allowList)).toMatch(/private/);
    expect(addressRefusal("127.0.0.2", allowList)).toMatch(/loopback/);
  });

  it("validates the allow-list as the environment gives it", () => {
    expect(isAddressAllowList("")).toBe(true);
    expect(isAddressAllowList("10.0.0.0/8,::1")).toBe(true);
    expect(isAddressAllowList("intranet.local")).toBe(false);
    expect(isAddressAllowList("10.0.0.0/99")).toBe(false);
  });

  it("refuses other schemes, credentials in the URL and literal private hosts before connecting", () => {
    expect(urlRefusal(new URL("file:///etc/passwd"), [])).toMatch(/http and https/);
    expect(urlRefusal(new URL("gopher://example.org/"), [])).toMatch(/http and https/);
    expect(urlRefusal(new URL("https://user:secret@wire.example.org/feed"), [])).toMatch(/user name or password/);
    expect(urlRefusal(new URL("http://[::1]:3000/"), [])).toMatch(/loopback/);
    expect(urlRefusal(new URL("http://localhost:3000/"), [])).toMatch(/loopback/);
    expect(urlRefusal(new URL("https://wire.example.org/feed.xml"), [])).toBeNull();
  });
});
