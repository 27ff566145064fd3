import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// The pane's tests wait for what a user would see (findBy…, waitFor). On a loaded 2-core machine a render can take
// longer than testing-library's 1 s default; a longer ceiling changes nothing when the UI is fast (the wait ends as
// soon as the element appears) and still fails when it never does.
configure({ asyncUtilTimeout: 10000 });
