// Chinese line breaking (issue 5; GB/T 15834 标点符号用法 禁则): no printed line starts with a closing mark
// (，。、；：？！）》」』】…) and none ends with an opening one (（《「『【). Paragraphs of every length are set in
// the document font at the body size and read back line by line with pdftotext.
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { renderPdf } from '../../main/documents/render'
import { officialDoc, para } from '../../main/documents/common'

const NO_START = /^[，。、；：？！）》」』】〕…·”’%]/
const NO_END = /[（《「『【〔“‘]$/

describe('中文断行禁则', () => {
  it('正文段落：行首不出现句读和后括号，行尾不出现前括号', async () => {
    const base = '经本人申请、入户调查、家庭经济状况核对，现将（东风村）最低生活保障审核情况予以公示。《办法》第十九条规定：公示期为7天；如有异议，请于公示期内反映！'
    // every shift of the same text moves each mark through every position of the line
    const paras = Array.from({ length: 30 }, (_, i) => para(`${'测'.repeat(i)}${base}`))
    const dir = tempDir('dibao-lb-')
    const f = path.join(dir, 'lb.pdf')
    fs.writeFileSync(f, await renderPdf(officialDoc({ title: '断行', stamp: null }, paras), '断行测试'))
    const lines = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean)
    expect(lines.length).toBeGreaterThan(60)
    // the shifts did bring marks to the line boundary: they stay at the end of the line they close
    expect(lines.filter((l) => /[，。、；：）》！]$/.test(l)).length).toBeGreaterThan(5)
    const bad = lines.filter((l) => NO_START.test(l) || NO_END.test(l))
    expect(bad).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
