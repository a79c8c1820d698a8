// Shixun's settings of Camunda Tasklist (docs/adr/0014-language-and-webapps.md); replaces the webapp's own
// scripts/config.js. Chinese first: a browser whose first language is English gets English, any other gets
// our Chinese (locales/zh.json). Dates as people in China write them; the clock is the browser's time zone
// (Tasklist offers no setting for it), which the footer names.
export default {
  app: {
    name: '审核任务',
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
  },
  // Tasks are decided in Shixun: nobody starts a process or creates a free task here.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
