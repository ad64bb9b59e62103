// Japanese first, English second, in the modeler too: bpmn-js, dmn-js and their properties panels pass every text
// they show through the diagram's `translate` service; this module replaces it with one that looks the English text
// up in a Japanese dictionary when the page is Japanese (<html lang="ja">, set from the user's language switch).
// The dictionary is bpmn-js-i18n's Japanese file (palette, context pad, replace menu, import messages), with
// MuniFlow's own modeler-ja.json over it for the properties panel (Camunda 7 groups and entries), the element types
// of its header and the DMN editor, which bpmn-js-i18n does not cover.
import bpmnJsJapanese from 'bpmn-js-i18n/translations/ja';
import muniflowJapanese from './modeler-ja.json';

const JAPANESE = { ...bpmnJsJapanese, ...muniflowJapanese };

/** The page's language as the modeler uses it: Japanese unless the page says English. */
export function pageLanguage(doc = document) {
  return (doc.documentElement.lang || 'ja').toLowerCase().startsWith('en') ? 'en' : 'ja';
}

function translator(dictionary) {
  return function translate(template, replacements) {
    replacements = replacements || {};
    // English stays as the libraries wrote it: a text without a Japanese entry shows in English rather than not at all
    const text = dictionary[template] || template;
    return text.replace(/{([^}]+)}/g, (_, key) => replacements[key] || '{' + key + '}');
  };
}

/** The module to give bpmn-js and dmn-js as an additional module, for the given language. */
export function translateModule(language) {
  return { translate: ['value', translator(language === 'en' ? {} : JAPANESE)] };
}

// dmn-js-properties-panel names its groups ("General", "Documentation") without passing them through `translate`:
// this provider, asked last (lowest priority), translates the labels of the groups the others made.
class TranslatedPanelGroups {
  constructor(propertiesPanel, translate) {
    this._translate = translate;
    propertiesPanel.registerProvider(1, this);
  }

  getGroups() {
    return groups => groups.map(group => ({ ...group, label: this._translate(group.label) }));
  }
}

TranslatedPanelGroups.$inject = ['propertiesPanel', 'translate'];

/** For the DMN requirements diagram's properties panel, after its own providers. */
export const translatedPanelGroupsModule = {
  __init__: ['translatedPanelGroups'],
  translatedPanelGroups: ['type', TranslatedPanelGroups]
};
