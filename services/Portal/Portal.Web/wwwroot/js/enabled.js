// The design system styles its components for JavaScript only when it runs (see nhsuk-frontend's template.njk).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
