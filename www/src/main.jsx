import { render } from 'preact';
import { App, Boundary } from './App.jsx';
import { installGlobalReporters } from './problems.js';
import { takeTokenFromUrl } from './session.js';
import './styles.css';

installGlobalReporters();
takeTokenFromUrl();
const root = document.getElementById('app');
root.textContent = '';
render(
  <Boundary>
    <App />
  </Boundary>,
  root,
);
