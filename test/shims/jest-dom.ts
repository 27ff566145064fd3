import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// The pane's tests wait for what a user would see (findBy…, waitFor). On a loaded 2-core machine a render can take
// longer than testing-library's 1 s default; a longer ceiling changes nothing when the UI is fast (the wait ends as
// soon as the element appears) and still fails when it never does.
configure({ asyncUtilTimeout: 10000 });

// Waits may take longer under load; a test still fails when the UI never comes. (A project's testTimeout in
// jest.config.js is ignored by jest 29, with a warning: the ceiling is set here, once per UI test file.)
jest.setTimeout(30000);
