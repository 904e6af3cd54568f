// custom-elements.json from the JSDoc on the element class (`npm run build` runs it), then
// made to describe the package as installed: module paths in dist/, the define export and the
// tag's definition, literal defaults, and types spelled out for tools that cannot follow imports.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// What the element's defaults and type aliases stand for.
const DEFAULTS = {
  DEFAULT_TIMEOUT_MS: '15000',
  VERSION: JSON.stringify(version),
};
const TYPES = {
  SocialLinkMode: "'popup' | 'tab' | 'redirect'",
  SocialLinkState: "'idle' | 'opening' | 'open'",
};
// Defaults the element applies when a list is unset (SPEC section 2).
const LIST_DEFAULTS = {
  networks: 'every network',
  allowedHosts: "['profile.ayrshare.com']",
  'allowed-hosts': '"profile.ayrshare.com"',
  callbackOrigins: "[location.origin]",
  'callback-origins': 'the page’s own origin',
  label: '"Link social accounts"',
};

export default {
  globs: ['src/element/social-link-button.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'social-link-button-package',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          // The class ships in dist/index.js (the npm entry), which also defines the tag.
          module.path = 'dist/index.js';
          for (const declaration of module.declarations ?? []) {
            // The Lit plugin lists internal reactive state (`state: true`) as attributes, and
            // reads the generic `emit(type, …)` helper as an event named "type": drop both.
            const internal = new Set(
              (declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name),
            );
            declaration.members = (declaration.members ?? []).filter((m) => m.privacy !== 'private');
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
            }
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name !== 'type');
            for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
              if (item.default in DEFAULTS) item.default = DEFAULTS[item.default];
              if (item.default === undefined && item.name in LIST_DEFAULTS) item.default = LIST_DEFAULTS[item.name];
              if (item.type?.text in TYPES) item.type = { text: TYPES[item.type.text] };
              // Inherited from the module the manifest no longer names.
              if (item.inheritedFrom?.module?.startsWith('src/')) item.inheritedFrom.module = 'dist/index.js';
            }
          }
          module.exports = [
            { kind: 'js', name: 'SocialLinkButton', declaration: { name: 'SocialLinkButton', module: 'dist/index.js' } },
            { kind: 'js', name: 'define', declaration: { name: 'define', module: 'dist/index.js' } },
            {
              kind: 'custom-element-definition',
              name: 'social-link-button',
              declaration: { name: 'SocialLinkButton', module: 'dist/index.js' },
            },
          ];
        }
      },
    },
  ],
};
