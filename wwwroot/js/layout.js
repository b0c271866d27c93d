// Which layout the page is in, as the style sheet decides it: css/app.css sets --lsm-layout to "phone" below its one
// breakpoint, so the width is written in one place and scripts never repeat it.
export const isPhone = () => getComputedStyle(document.documentElement).getPropertyValue('--lsm-layout').trim() === 'phone';
