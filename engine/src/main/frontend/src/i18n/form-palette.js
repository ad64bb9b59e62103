// form-js's editor has no translate service (1.10): its palette names each field type from the type's own config.
// This module, given to the editor as an additional module, keeps in the palette only the field types the deployment
// gate allows (the ones MuniFlow's task pages render) and names them in the page's language, and leaves out of the
// properties panel the "Condition" group, whose FEEL the gate refuses (the pages evaluate no expressions). The
// properties panel and the palette's group titles stay in English.
const JAPANESE = {
  textfield: 'テキスト',
  textarea: 'テキストエリア',
  number: '数値',
  datetime: '日付',
  select: '選択（ドロップダウン）',
  radio: 'ラジオボタン',
  checkbox: 'チェックボックス',
  checklist: 'チェックリスト',
  text: '説明文'
};

/** The field types the gate lets through (FormRules.FIELD_TYPES on the server), and the form itself. */
export const ALLOWED_TYPES = ['default', ...Object.keys(JAPANESE)];

class AllowedPalette {
  constructor(formFields, language) {
    const kept = {};
    for (const type of ALLOWED_TYPES) {
      const field = formFields._formFields[type];
      if (field) {
        if (language === 'ja' && JAPANESE[type]) {
          field.config = { ...field.config, label: JAPANESE[type] };
        }
        kept[type] = field;
      }
    }
    formFields._formFields = kept;
  }
}

AllowedPalette.$inject = ['formFields', 'config.muniflowLanguage'];

// Asked last (lowest priority): takes the condition group out of what the editor's own provider made.
class WithoutConditions {
  constructor(propertiesPanel) {
    propertiesPanel.registerProvider(this, 1);
  }

  getGroups() {
    return groups => groups.filter(group => group.id !== 'condition');
  }
}

WithoutConditions.$inject = ['propertiesPanel'];

/** The module for the editor: the allowed types, named in the given language ('ja' or 'en'). */
export function paletteModule(language) {
  return {
    __init__: ['muniflowPalette', 'muniflowWithoutConditions'],
    'config.muniflowLanguage': ['value', language],
    muniflowPalette: ['type', AllowedPalette],
    muniflowWithoutConditions: ['type', WithoutConditions]
  };
}
