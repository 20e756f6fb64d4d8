import { z } from "zod";

// Zod compiles object parsers with `new Function` unless told not to, and even its probe for whether that is
// allowed is reported as a violation of our Content-Security-Policy (script-src has no 'unsafe-eval'). The
// interpreted parsers give the same results.
z.config({ jitless: true });
