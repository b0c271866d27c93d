// Keeps half-filled resident forms (form[data-draft]) in this browser's localStorage, so a dropped connection, a reload
// or the phone going to sleep loses nothing; the "submitted" page (data-clear-draft) removes the draft.
(() => {
  const prefix = 'lsm-draft:';
  const skip = (el) => !el.name || el.type === 'hidden' || el.type === 'password' || el.name.endsWith('.Website') || el.name.startsWith('__');

  function wire() {
    document.querySelectorAll('[data-clear-draft]').forEach((el) => {
      const name = el.getAttribute('data-clear-draft');
      if (name) localStorage.removeItem(prefix + name);
    });
    document.querySelectorAll('form[data-draft]').forEach((form) => {
      if (form.dataset.draftWired) return;
      form.dataset.draftWired = 'true';
      const key = prefix + form.getAttribute('data-draft');
      let saved = {};
      try { saved = JSON.parse(localStorage.getItem(key) || '{}'); } catch { saved = {}; }
      for (const el of form.elements) {
        if (skip(el) || !(el.name in saved)) continue;
        if (el.type === 'radio') el.checked = el.value === saved[el.name];
        else if (el.type === 'checkbox') el.checked = saved[el.name] === true;
        else if (!el.value) el.value = saved[el.name];
      }
      const save = () => {
        const data = {};
        for (const el of form.elements) {
          if (skip(el)) continue;
          if (el.type === 'radio') { if (el.checked) data[el.name] = el.value; }
          else if (el.type === 'checkbox') data[el.name] = el.checked;
          else data[el.name] = el.value;
        }
        localStorage.setItem(key, JSON.stringify(data));
      };
      form.addEventListener('input', save);
      form.addEventListener('change', save);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
  document.addEventListener('lsm:enhancedload', wire); // LegalServiceMap.Web.lib.module.js
  window.addEventListener('pageshow', wire);
})();
