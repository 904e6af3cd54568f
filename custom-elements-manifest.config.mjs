// custom-elements.json from the JSDoc on the element class (`npm run build` runs it).
export default {
  globs: ['src/social-link-button.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'social-link-button-cleanup',
      // The Lit plugin lists internal reactive state (`state: true`) as attributes, and reads
      // the generic `emit(type, …)` helper as an event named "type": drop both.
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const internal = new Set(
              (declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name),
            );
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
            }
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name !== 'type');
          }
        }
      },
    },
  ],
};
