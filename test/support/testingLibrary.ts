import { configure } from "@testing-library/react";

// `waitFor` and `findBy*` wait for a condition; they assert no timing. Testing Library's default
// of 1 s is a timing bound in disguise: on a loaded 2-core machine a real server's first event can
// take longer, and a test that waited correctly failed. Give them the same budget as `expect.poll`.
configure({ asyncUtilTimeout: 20_000 });
