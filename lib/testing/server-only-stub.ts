// "server-only" throws outside React Server Components; tests import domain code directly.
export {};
