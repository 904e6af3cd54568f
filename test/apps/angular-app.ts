// An Angular (standalone, zoneless, JIT) app using <social-link-button> with a property binding
// and an Angular event binding.
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import '../../src/entries/index.js';
import type { SocialLinkChangeDetail } from '../../src/entries/index.js';

let endpoint = '';

@Component({
  selector: 'ng-accounts',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<social-link-button
      id="ng-el"
      [attr.profile-endpoint]="endpoint"
      [networks]="'youtube tiktok'"
      label="Link (Angular)"
      (social-link-change)="changed($event)"
    ></social-link-button>
    <ul id="ng-log">
      @for (entry of log(); track entry) {
        <li>{{ entry }}</li>
      }
    </ul>`,
})
class Accounts {
  readonly endpoint = endpoint;
  readonly log = signal<string[]>([]);
  changed(event: Event) {
    const { detail } = event as CustomEvent<SocialLinkChangeDetail>;
    this.log.set([...this.log(), `ng:${detail.added.join(',')}`]);
  }
}

export function mount(container: HTMLElement, profileEndpoint: string) {
  endpoint = profileEndpoint;
  container.append(document.createElement('ng-accounts'));
  return bootstrapApplication(Accounts, { providers: [provideZonelessChangeDetection()] });
}
