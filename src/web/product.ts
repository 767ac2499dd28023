export const PRODUCT_NAME = '法治政府建设一体化平台';
