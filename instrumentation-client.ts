import { z } from "zod";

// Runs in the browser before the app hydrates. Zod probes whether it may compile parsers with
// `new Function`; under the desk's Content-Security-Policy (no 'unsafe-eval') that probe is
// refused and reported as a violation, so the browser build parses without compiling instead.
z.config({ jitless: true });
