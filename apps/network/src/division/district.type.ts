import { Directive, Field, ObjectType } from 'type-graphql';
import type { DistrictNames } from './division.service';

/**
 * District (区县): a county-level division of the national register (GB/T 2260), keyed by its
 * six-digit code. Network owns it and its names; other subgraphs add what they know of a district
 * (tracking: the remote-area surcharge in force, usual transit times), so the key stays `code`.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'District (区县): a county-level division of the national register (行政区划, GB/T 2260), keyed by its six-digit code.' })
export class District {
  @Field({ description: 'Six-digit county-level code (区县代码), e.g. `440305`.' })
  code: string;

  @Field({ description: 'District name (区县), e.g. 南山区.' })
  name: string;

  @Field({ description: 'Four-digit GB/T 2260 city prefix (地级市), e.g. `4403`.' })
  cityCode: string;

  @Field({ description: 'City name (市), e.g. 深圳市; a municipality repeats its name (北京市).' })
  cityName: string;

  @Field({ description: 'Two-digit GB/T 2260 province prefix (省级), e.g. `44`.' })
  provinceCode: string;

  @Field({ description: 'Province name (省), e.g. 广东省.' })
  provinceName: string;
}

/** The schema's view of a district of the register. */
export function toDistrict(row: DistrictNames): District {
  return Object.assign(new District(), {
    code: row.districtCode,
    name: row.districtName,
    cityCode: row.cityCode,
    cityName: row.cityName,
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
  });
}
