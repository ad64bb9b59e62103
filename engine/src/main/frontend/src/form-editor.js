// The administrators' form editor page: a Camunda form (form-js's JSON schema) opened in form-js's editor, validated
// against the deployment gate, compared with the deployed version and deployed with its process or alone. Like the
// modeler page, every text shown comes from the page (the server's message bundles) and every request carries the
// page's CSRF token.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { pageLanguage } from './i18n/translate';
import { paletteModule } from './i18n/form-palette';
import { csrfHeaders, format, show, showDeployment } from './admin-page';
import './form-editor.css';

const EMPTY = {
  type: 'default',
  id: 'newForm',
  components: [],
  executionPlatform: 'Camunda Platform',
  executionPlatformVersion: '7.24.0'
};

async function start(root) {
  const texts = document.getElementById('form-texts').dataset;
  const results = document.getElementById('form-results');
  const status = document.getElementById('form-status');
  const diffText = document.getElementById('form-diff-text');
  const nameInput = document.getElementById('form-resource-name');
  const editor = new FormEditor({
    container: root.querySelector('.mf-form-editor__canvas'),
    propertiesPanel: { parent: root.querySelector('.mf-form-editor__properties') },
    exporter: { name: 'MuniFlow', version: '1' },
    additionalModules: [paletteModule(pageLanguage())]
  });
  // The page's one editor, for scripted editing: the browser tests add fields through form-js's own API
  // (modeling, formFieldRegistry) instead of replaying drags from the palette.
  window.muniflowFormEditor = editor;

  let schema = EMPTY;
  if (root.dataset.schemaUrl) {
    const response = await fetch(root.dataset.schemaUrl, { headers: { 'Accept': 'application/json' } });
    schema = response.ok ? await response.json() : null;
  } else {
    schema = { ...EMPTY, id: nameInput.value.replace(/\.form$/, '').replace(/[^A-Za-z0-9_]/g, '_') || 'newForm' };
  }
  try {
    if (!schema) {
      throw new Error('not found');
    }
    await editor.importSchema(schema);
    root.dataset.ready = 'true';
  } catch (e) {
    show(results, [texts.importFailed], 'error');
    return;
  }

  function request(extra) {
    return JSON.stringify({
      resourceName: nameInput.value.trim(),
      schema: JSON.stringify(editor.saveSchema(), null, 2),
      definitionId: root.dataset.definitionId || null,
      ...extra
    });
  }

  async function post(url, body) {
    const response = await fetch(url, { method: 'POST', headers: csrfHeaders(), credentials: 'same-origin', body });
    return { response, body: await response.json() };
  }

  document.getElementById('form-validate').addEventListener('click', async () => {
    status.textContent = texts.validating;
    const { response, body } = await post(root.dataset.validateUrl, request({}));
    status.textContent = '';
    if (!response.ok) {
      show(results, [body.detail || texts.failed], 'error');
    } else if (body.valid) {
      show(results, [texts.valid], 'ok');
    } else {
      show(results, body.violations.map(v => v.message), 'error');
    }
  });

  const diffButton = document.getElementById('form-diff');
  if (diffButton) {
    diffButton.addEventListener('click', async () => {
      const { response, body } = await post(root.dataset.diffUrl, request({}));
      if (!response.ok) {
        show(results, [body.detail || texts.failed], 'error');
        return;
      }
      const none = !body.added.length && !body.removed.length && !body.changed.length && !body.unifiedDiff;
      show(results, [none ? texts.noChanges : format(texts.changes, body.added.join(', ') || '-',
        body.removed.join(', ') || '-', body.changed.join(', ') || '-')], 'ok');
      diffText.textContent = body.unifiedDiff;
      diffText.hidden = !body.unifiedDiff;
    });
  }

  document.getElementById('form-deploy').addEventListener('click', async () => {
    // a deployment cannot be taken back (only an older version deployed again): a second look first
    if (!window.confirm(texts.deployDialog)) {
      return;
    }
    const alone = document.getElementById('form-deploy-with').value === 'alone';
    status.textContent = texts.deploying;
    const { response, body } = await post(root.dataset.deployUrl, request({
      tenantId: document.getElementById('form-tenant').value || null,
      definitionId: alone ? null : (root.dataset.definitionId || null)
    }));
    status.textContent = '';
    showDeployment(results, texts, response, body);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('form-editor');
  if (root) {
    start(root);
  }
});
