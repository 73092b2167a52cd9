export { freePort } from '../../tools/local-services/free-port';
