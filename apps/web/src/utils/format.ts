/** `已售` counts the way Chinese shops print them: 986, 1.2万, 10万+. */
export function formatSales(sales: number): string {
  if (sales < 10_000)
    return String(sales)
  if (sales < 100_000)
    return `${(Math.floor(sales / 1000) / 10).toString()}万`
  return '10万+'
}
