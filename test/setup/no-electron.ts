import module from 'node:module'
// Catch native require()/import of 'electron' from any dependency as well as our own code.
module.registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'electron') throw new Error('测试与命令行不得加载 electron')
    return next(specifier, context)
  }
})
