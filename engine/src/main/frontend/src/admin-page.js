// What the administrators' two editors (the BPMN/DMN modeler and the form editor) share: posting JSON with the page's
// CSRF token, listing messages under the editor, and telling what a deployment answered.

/** JSON headers with the CSRF token the page's head carries. */
export function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
  if (token && header) {
    headers[header.content] = token.content;
  }
  return headers;
}

/** Replaces the list's items with these texts; kind (ok, error) colours them. */
export function show(list, items, kind) {
  list.replaceChildren();
  list.dataset.kind = kind;
  for (const text of items) {
    const li = document.createElement('li');
    li.textContent = text;
    list.appendChild(li);
  }
}

/** A message's {0}, {1}, … filled in. */
export function format(template, ...values) {
  return values.reduce((text, value, i) => text.replace('{' + i + '}', value), template);
}

/**
 * What a deployment answered, in the list: unchanged, the definitions deployed, the gate's violations, the engine's
 * parse errors, or the problem's detail.
 */
export function showDeployment(results, texts, response, body) {
  if (response.ok && body.duplicate) {
    show(results, [texts.unchanged], 'ok');
  } else if (response.ok) {
    show(results, [format(texts.deployed, body.definitions.map(d => d.key + ' v' + d.version).join(', '))], 'ok');
  } else if (body.violations) {
    show(results, [body.detail].concat(body.violations.map(v => v.message)), 'error');
  } else if (body.errors) {
    show(results, [body.detail].concat(body.errors.map(e => (e.elementId ? e.elementId + ': ' : '') + e.message)), 'error');
  } else {
    show(results, [body.detail || texts.failed], 'error');
  }
}
