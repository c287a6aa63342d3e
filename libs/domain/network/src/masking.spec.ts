import { maskAddress, maskDatum, maskName, maskNote } from './masking';

describe('maskName (姓名脱敏)', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜', '欧阳*'],
    ['欧阳娜娜', '欧阳**'],
    ['诸葛亮', '诸葛*'],
    // Two characters that happen to be a compound surname are a family name and a given name.
    ['欧阳', '欧*'],
    ['王', '*'],
    ['  李四 ', '李*'],
    ['南头鲜果旗舰店', '南******'],
    ['阿卜杜拉·买买提', '阿*******'],
    ['John Smith', 'J*********'],
    ['𠮷野家', '𠮷**'],
    ['', ''],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('never shows more than the family name of a Chinese name', () => {
    for (const name of ['张三', '李小四', '欧阳娜娜', '司马相如']) {
      const masked = maskName(name);
      expect([...masked]).toHaveLength([...name].length);
      expect(masked.replace(/\*+$/, '').length).toBeLessThanOrEqual(2);
    }
  });
});

describe('maskAddress (地址脱敏, down to the district)', () => {
  it.each([
    ['广东省深圳市南山区粤海街道科技园路12号3栋501室', '广东省深圳市南山区****'],
    ['北京市朝阳区建国路88号SOHO现代城5号楼1201', '北京市朝阳区****'],
    ['北京市北京市朝阳区建国路88号', '北京市北京市朝阳区****'],
    ['上海市浦东新区张江镇祖冲之路1号', '上海市浦东新区****'],
    ['广东省 深圳市 南山区 科技园路12号', '广东省 深圳市 南山区****'],
    ['广东省东莞市长安镇振安路8号', '广东省东莞市****'],
    ['新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路1号', '新疆维吾尔自治区伊犁哈萨克自治州伊宁市****'],
    ['内蒙古自治区锡林郭勒盟锡林浩特市额尔敦路3号', '内蒙古自治区锡林郭勒盟锡林浩特市****'],
    ['深圳市南山区科技园路12号', '深圳市南山区****'],
    // Waybills store the address below the district (its code is a field of its own): nothing stays.
    ['粤海街道科技园路12号3栋501室', '****'],
    ['科技园区北区1栋', '****'],
    ['南山区科技园路12号', '****'],
    ['阳光花园三栋二单元', '****'],
    ['广东省', '广东省****'],
    ['', ''],
  ])('%s → %s', (address, masked) => expect(maskAddress(address)).toBe(masked));
});

describe('maskNote (free text)', () => {
  it.each([
    ['家人代收，电话13998765432', '家人代收，电话***'],
    ['放门卫处 138-0000-1111 王', '放门卫处 *** 王'],
    ['座机 0755-26543210 转 8', '座机 *** 转 8'],
    ['２０２４年 约 2024-03-02 再派', '２０２４年 约 2024-03-02 再派'],
    ['快递柜 A12 格口 305', '快递柜 A12 格口 305'],
    ['', ''],
  ])('%s → %s', (note, masked) => expect(maskNote(note)).toBe(masked));
});

describe('maskDatum', () => {
  it.each([
    ['NAME', '张三丰', '张**'],
    ['PHONE', '13812341234', '138****1234'],
    ['ADDRESS', '广东省深圳市南山区科技园路12号', '广东省深圳市南山区****'],
    ['NOTE', '电话13812341234', '电话***'],
  ] as const)('%s masks %s as %s', (datum, value, masked) => expect(maskDatum(datum, value)).toBe(masked));
});
