// The 43 territorial police forces of England and Wales (ONS codes, as in shared/reference/police-forces.csv),
// with a short name for tiles and a rough geographic position on a tile grid (col 0-6 west to east, row 0-9 north
// to south). A tile grid, not a map: no boundary data.
export const FORCES = [
  ['E23000007', 'Northumbria', 'North East', 'Nthumb', 4, 0],
  ['E23000002', 'Cumbria', 'North West', 'Cumbria', 3, 1],
  ['E23000008', 'Durham', 'North East', 'Durham', 4, 1],
  ['E23000013', 'Cleveland', 'North East', 'Clevel.', 5, 1],
  ['E23000003', 'Lancashire', 'North West', 'Lancs', 3, 2],
  ['E23000009', 'North Yorkshire', 'Yorkshire and The Humber', 'N Yorks', 4, 2],
  ['E23000004', 'Merseyside', 'North West', 'Mersey', 2, 3],
  ['E23000005', 'Greater Manchester', 'North West', 'Gtr Man', 3, 3],
  ['E23000010', 'West Yorkshire', 'Yorkshire and The Humber', 'W Yorks', 4, 3],
  ['E23000012', 'Humberside', 'Yorkshire and The Humber', 'Humber', 5, 3],
  ['W15000001', 'North Wales', 'Wales', 'N Wales', 1, 4],
  ['E23000006', 'Cheshire', 'North West', 'Cheshire', 2, 4],
  ['E23000018', 'Derbyshire', 'East Midlands', 'Derbys', 3, 4],
  ['E23000011', 'South Yorkshire', 'Yorkshire and The Humber', 'S Yorks', 4, 4],
  ['E23000020', 'Lincolnshire', 'East Midlands', 'Lincs', 5, 4],
  ['W15000004', 'Dyfed-Powys', 'Wales', 'Dyfed-P', 0, 5],
  ['E23000016', 'West Mercia', 'West Midlands', 'W Mercia', 1, 5],
  ['E23000015', 'Staffordshire', 'West Midlands', 'Staffs', 2, 5],
  ['E23000021', 'Leicestershire', 'East Midlands', 'Leics', 3, 5],
  ['E23000019', 'Nottinghamshire', 'East Midlands', 'Notts', 4, 5],
  ['E23000023', 'Cambridgeshire', 'East of England', 'Cambs', 5, 5],
  ['E23000024', 'Norfolk', 'East of England', 'Norfolk', 6, 5],
  ['W15000003', 'South Wales', 'Wales', 'S Wales', 0, 6],
  ['W15000002', 'Gwent', 'Wales', 'Gwent', 1, 6],
  ['E23000014', 'West Midlands', 'West Midlands', 'W Mids', 2, 6],
  ['E23000017', 'Warwickshire', 'West Midlands', 'Warks', 3, 6],
  ['E23000022', 'Northamptonshire', 'East Midlands', 'N\u2019hants', 4, 6],
  ['E23000026', 'Bedfordshire', 'East of England', 'Beds', 5, 6],
  ['E23000025', 'Suffolk', 'East of England', 'Suffolk', 6, 6],
  ['E23000037', 'Gloucestershire', 'South West', 'Gloucs', 2, 7],
  ['E23000029', 'Thames Valley', 'South East', 'Thames V', 3, 7],
  ['E23000027', 'Hertfordshire', 'East of England', 'Herts', 4, 7],
  ['E23000028', 'Essex', 'East of England', 'Essex', 5, 7],
  ['E23000036', 'Avon and Somerset', 'South West', 'Avon & S', 1, 8],
  ['E23000038', 'Wiltshire', 'South West', 'Wilts', 2, 8],
  ['E23000001', 'Metropolitan Police', 'London', 'Met', 3, 8],
  ['E23000034', 'City of London', 'London', 'City', 4, 8],
  ['E23000032', 'Kent', 'South East', 'Kent', 5, 8],
  ['E23000035', 'Devon & Cornwall', 'South West', 'Devon & C', 0, 9],
  ['E23000039', 'Dorset', 'South West', 'Dorset', 1, 9],
  ['E23000030', 'Hampshire', 'South East', 'Hants', 2, 9],
  ['E23000031', 'Surrey', 'South East', 'Surrey', 3, 9],
  ['E23000033', 'Sussex', 'South East', 'Sussex', 4, 9],
].map(([code, name, region, short, col, row]) => ({ code, name, region, short, col, row }));

const BY_CODE = new Map(FORCES.map((f) => [f.code, f]));

export const GRID = { cols: 7, rows: 10 };

export function forceName(code) {
  return BY_CODE.get(code)?.name ?? code;
}

export function force(code) {
  return BY_CODE.get(code);
}

/** Forces in alphabetical order of name, for select lists. */
export function forcesByName() {
  return [...FORCES].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
