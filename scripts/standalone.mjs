// Second step of `npm run build` (after `next build`), also run by the Dockerfile: makes the standalone directory
// a complete deployable server by adding the browser assets Next leaves out of it.
import { completeStandalone } from "./processes.mjs";

completeStandalone();
