// Shixun's settings of the Camunda webapps' start page (docs/adr/0014-language-and-webapps.md); replaces the
// webapp's own scripts/config.js. Chinese first, as in Tasklist: English only for a browser that asks for it.
export default {
  app: {
    name: '流程引擎',
    vendor: '师训'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss',
    short: 'YYYY-MM-DD'
  }
};
