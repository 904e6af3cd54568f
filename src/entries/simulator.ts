// `social-link-button/simulator`: an offline stand-in for Ayrshare's API and linking page.
export * from '../simulator/simulator.js';
