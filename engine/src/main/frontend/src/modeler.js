// The administrators' modeler page: opens a deployed version in bpmn-js (BPMN) or dmn-js (DMN) with Camunda's
// properties panel, validates the edited model against the deployment gate, and deploys it shared or for one
// municipality. Every text shown comes from the page (the server's message bundles); every request carries the
// page's CSRF token.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import DmnModeler from 'dmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaBpmnModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import {
  DmnPropertiesPanelModule,
  DmnPropertiesProviderModule,
  CamundaPropertiesProviderModule
} from 'dmn-js-properties-panel';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';
import { pageLanguage, translateModule, translatedPanelGroupsModule } from './i18n/translate';
import { csrfHeaders, show, showDeployment } from './admin-page';
import './modeler.css';

function createModeler(root) {
  const canvas = root.querySelector('.mf-modeler__canvas');
  const properties = root.querySelector('.mf-modeler__properties');
  const translate = translateModule(pageLanguage());
  if (root.dataset.type === 'decision') {
    return new DmnModeler({
      container: canvas,
      common: { keyboard: { bindTo: document } },
      // each view of dmn-js gets the translation (a view's own additionalModules replace the common ones)
      drd: {
        propertiesPanel: { parent: properties },
        additionalModules: [DmnPropertiesPanelModule, DmnPropertiesProviderModule, CamundaPropertiesProviderModule,
          translate, translatedPanelGroupsModule]
      },
      decisionTable: { additionalModules: [translate] },
      literalExpression: { additionalModules: [translate] },
      boxedExpression: { additionalModules: [translate] },
      moddleExtensions: { camunda: camundaDmnModdle }
    });
  }
  return new BpmnModeler({
    container: canvas,
    keyboard: { bindTo: document },
    propertiesPanel: { parent: properties },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule, translate],
    moddleExtensions: { camunda: camundaBpmnModdle }
  });
}

// A diagram opens fitted to the canvas, neither too small to read nor cut off: bpmn-js's canvas at once, and in
// dmn-js each requirements diagram (DRD) when it is shown (the decision table views have no canvas to fit).
function fitOnOpen(modeler, decision) {
  if (!decision) {
    modeler.get('canvas').zoom('fit-viewport');
    return;
  }
  const fit = () => {
    const viewer = modeler.getActiveViewer();
    const view = modeler.getActiveView();
    if (viewer && view && view.type === 'drd') {
      viewer.get('canvas').zoom('fit-viewport');
    }
  };
  fit();
  modeler.on('views.changed', fit);
}

async function start(root) {
  const texts = document.getElementById('modeler-texts').dataset;
  const results = document.getElementById('modeler-results');
  const status = document.getElementById('modeler-status');
  const modeler = createModeler(root);
  // The page's one modeler, for scripted editing: the browser tests and the docs' image export drive bpmn-js's own
  // API (modeling, elementFactory, saveSVG) through it instead of replaying mouse drags on the canvas.
  window.muniflowModeler = modeler;

  const xml = await (await fetch(root.dataset.xmlUrl, { headers: { 'Accept': 'application/xml' } })).text();
  try {
    await modeler.importXML(xml);
    fitOnOpen(modeler, root.dataset.type === 'decision');
    root.dataset.ready = 'true';
  } catch (e) {
    show(results, [texts.importFailed], 'error');
    return;
  }

  async function currentXml() {
    const { xml: edited } = await modeler.saveXML({ format: true });
    return edited;
  }

  document.getElementById('modeler-validate').addEventListener('click', async () => {
    status.textContent = texts.validating;
    const response = await fetch(root.dataset.validateUrl, {
      method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
      body: JSON.stringify({ resourceName: root.dataset.resourceName, xml: await currentXml() })
    });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = '';
      show(results, [body.detail || texts.failed], 'error');
    } else if (body.valid) {
      status.textContent = '';
      show(results, [texts.valid], 'ok');
    } else {
      status.textContent = '';
      show(results, body.violations.map(v => v.message), 'error');
    }
  });

  document.getElementById('modeler-deploy').addEventListener('click', async () => {
    const tenant = document.getElementById('modeler-tenant').value;
    // a deployment cannot be taken back (only an older version deployed again): a second look first
    if (!window.confirm(texts.deployDialog)) {
      return;
    }
    status.textContent = texts.deploying;
    const response = await fetch(root.dataset.deployUrl, {
      method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
      body: JSON.stringify({ resourceName: root.dataset.resourceName, xml: await currentXml(), tenantId: tenant || null })
    });
    const body = await response.json();
    status.textContent = '';
    showDeployment(results, texts, response, body);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('modeler');
  if (root) {
    start(root);
  }
});
