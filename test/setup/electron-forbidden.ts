throw new Error('测试与命令行不得加载 electron：只有 main/shell/ 与 main/index.ts 可以导入它')
