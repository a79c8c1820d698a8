// bpmn-js' and dmn-js' own words in Chinese, for the console's viewers and editors: a module for
// their translate service (placeholders {name} as in its default), as window.processOwnerChinese.
// Words not listed stay as the library has them.
(function () {
  var zh = {
    // dmn-js decision tables
    'When': '条件', 'And': '且', 'Then': '结果', 'Hit policy:': '命中策略：', 'Annotations': '注释', 'Annotation': '注释',
    'Unique': '唯一', 'First': '首个', 'Priority': '优先级', 'Any': '任意', 'Collect': '汇总',
    'Collect (Sum)': '汇总（求和）', 'Collect (Min)': '汇总（最小）', 'Collect (Max)': '汇总（最大）',
    'Collect (Count)': '汇总（计数）', 'Rule order': '规则顺序', 'Output order': '输出顺序',
    'Add rule': '添加规则', 'Add rule above': '在上方添加规则', 'Add rule below': '在下方添加规则',
    'Remove rule': '删除规则', 'Copy rule': '复制规则', 'Cut rule': '剪切规则', 'Paste rule above': '粘贴到上方',
    'Paste rule below': '粘贴到下方', 'Add input': '添加条件列', 'Add output': '添加结果列', 'Remove input': '删除条件列',
    'Remove output': '删除结果列', 'View DRD': '查看决策关系图', 'Rule': '规则', 'Input': '条件', 'Output': '结果', '-': '-',
    // bpmn-js palette and context pad
    'Activate hand tool': '平移工具', 'Activate lasso tool': '框选工具', 'Activate create/remove space tool': '插入/删除空间',
    'Activate global connect tool': '连线工具', 'Create start event': '添加开始事件', 'Create end event': '添加结束事件',
    'Create intermediate/boundary event': '添加中间/边界事件', 'Create gateway': '添加网关', 'Create task': '添加任务',
    'Create data object reference': '添加数据对象', 'Create data store reference': '添加数据存储',
    'Create expanded sub-process': '添加子流程', 'Create pool/participant': '添加泳池/参与者', 'Create group': '添加分组',
    'Append task': '追加任务', 'Append end event': '追加结束事件', 'Append gateway': '追加网关',
    'Append intermediate/boundary event': '追加中间/边界事件', 'Add text annotation': '添加注释',
    'Connect using sequence flow': '用顺序流连接', 'Connect to other element': '连接到其他元素', 'Change element': '更改类型',
    'Change type': '更改类型', 'Delete': '删除', 'Remove': '删除', 'Search in diagram': '在流程图中搜索'
  };
  window.processOwnerChinese = {
    translate: ['value', function (template, replacements) {
      replacements = replacements || {};
      return (zh[template] || template).replace(/{([^}]+)}/g, function (_, key) {
        return replacements[key] !== undefined ? replacements[key] : '{' + key + '}';
      });
    }]
  };
})();
