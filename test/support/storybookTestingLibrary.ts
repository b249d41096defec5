import { configure } from "storybook/test";

// Play functions' `waitFor` and `findBy*` wait for a condition; Testing Library's default of 1 s
// is a timing bound in disguise on a loaded machine. The same budget as the other projects.
configure({ asyncUtilTimeout: 20_000 });
