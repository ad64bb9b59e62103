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
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import camundaBpmnModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import {
  DmnPropertiesPanelModule,
  DmnPropertiesProviderModule,
  CamundaPropertiesProviderModule
} from 'dmn-js-properties-panel';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';
import { pageLanguage, translateModule, translatedPanelGroupsModule } from './i18n/translate';
import { csrfHeaders, format, show, showDeployment } from './admin-page';
import './modeler.css';

// A new process: one start event in an executable process whose id and name the administrator sets in the panel.
// The history time to live is the shipped models' ten years (the engine refuses a process without one).
const EMPTY_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_newProcess" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="newProcess" name="" isExecutable="true" camunda:historyTimeToLive="P3650D">
    <bpmn:startEvent id="StartEvent_1"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="newProcess">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36"/></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

function createModeler(root, elementTemplates) {
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
    // MuniFlow's building blocks, offered by the panel's template chooser (generated from the blocks' declarations)
    elementTemplates,
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule, ElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule, translate],
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
  const decision = root.dataset.type === 'decision';
  const templates = decision ? [] : await (await fetch(root.dataset.templatesUrl, { headers: { 'Accept': 'application/json' } })).json();
  const modeler = createModeler(root, templates);
  // The page's one modeler, for scripted editing: the browser tests and the docs' image export drive bpmn-js's own
  // API (modeling, elementFactory, saveSVG) through it instead of replaying mouse drags on the canvas.
  window.muniflowModeler = modeler;

  const xml = root.dataset.xmlUrl
    ? await (await fetch(root.dataset.xmlUrl, { headers: { 'Accept': 'application/xml' } })).text()
    : EMPTY_PROCESS;
  try {
    await modeler.importXML(xml);
    if (root.dataset.xmlUrl) {
      fitOnOpen(modeler, decision);
    }
    root.dataset.ready = 'true';
  } catch (e) {
    show(results, [texts.importFailed], 'error');
    return;
  }

  async function currentXml() {
    const { xml: edited } = await modeler.saveXML({ format: true });
    return edited;
  }

  // a new process is deployed under its process id, as the administrator set it in the panel
  function resourceName() {
    if (root.dataset.resourceName) {
      return root.dataset.resourceName;
    }
    return modeler.get('canvas').getRootElement().businessObject.id + '.bpmn';
  }

  document.getElementById('modeler-validate').addEventListener('click', async () => {
    status.textContent = texts.validating;
    const response = await fetch(root.dataset.validateUrl, {
      method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
      body: JSON.stringify({ resourceName: resourceName(), xml: await currentXml() })
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
      body: JSON.stringify({ resourceName: resourceName(), xml: await currentXml(), tenantId: tenant || null })
    });
    const body = await response.json();
    status.textContent = '';
    showDeployment(results, texts, response, body);
  });

  const startButton = document.getElementById('modeler-start-button');
  if (startButton) {
    startButton.addEventListener('click', async () => {
      if (!window.confirm(texts.startDialog)) {
        return;
      }
      // one variable a line, name=value; the server checks the names and turns whole numbers into numbers
      const variables = {};
      for (const line of document.getElementById('modeler-start-variables').value.split('\n')) {
        const at = line.indexOf('=');
        if (line.trim()) {
          variables[(at < 0 ? line : line.slice(0, at)).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
        }
      }
      const response = await fetch(startButton.dataset.url, {
        method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
        body: JSON.stringify({ businessKey: document.getElementById('modeler-start-key').value, variables })
      });
      const body = await response.json();
      if (response.ok) {
        show(results, [format(texts.started, body.id + (body.businessKey ? ' (' + body.businessKey + ')' : ''))], 'ok');
      } else {
        show(results, [body.detail || texts.failed].concat((body.errors || []).map(e => e.message || '')).filter(Boolean), 'error');
      }
    });
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('modeler');
  if (root) {
    start(root);
  }
});
