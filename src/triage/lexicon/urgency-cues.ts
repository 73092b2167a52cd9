/** Signs of extreme or collective action, media exposure, or a Spring Festival without pay (LABELS.md). */
export const URGENT_ACTION =
  /跳楼|跳下去|跳河|轻生|不想活|寻死|自杀|喝农药|堵路|把路堵|把[^，。,！？]{0,6}(路|门|大门)(给)?堵|堵[^，。,！？]{0,4}(路|大门|门口)|拦路|拦车|拉横幅|拉条幅|举牌|集体上访|上访|去政府|政府门口|县政府|市政府|围堵|闹事|静坐|同归于尽|拼命|爬(到|上)[^，。,！？]{0,6}(塔吊|楼顶|屋顶|楼上|吊车)|不给钱就不下来/;
/** 不会去拉横幅: an action the workers say they will not take. */
export const ACTION_DISOWNED = /(不会|不想|不得|不敢|冇|没有?|不)(去)?((拉横幅|拉条幅|上访|堵路|闹事|静坐|曝光|搞那些)[、和或]?)+/g;
export const URGENT_MEDIA = /抖音|快手|记者|曝光|热搜|媒体|电视台|报社|网上发|发到网上|视频号|微博/;
export const URGENT_FESTIVAL =
  /回不了(家|屋|老家)|过年.{0,4}回不(去|了|来)|过年回不去|回家过年|回来过年|过不了年|过不好年|冇钱过年|没钱过年|春节前|年前.{0,4}(发|给|结)|马上过年|快过年|要过年了|过年了/;

/**
 * The festival already past (过完年了还冇给, 春节前付了一万五): a promise made before it, or a payment
 * made then, is no festival plea. 讲年后再说 puts pay off past a festival still to come.
 */
export const FESTIVAL_PASSED =
  /过完年|过了年|年过完|年后(?![再才]|[^，。,！？\s]{0,2}(再|才))|(春节|过年|年)前[^，。,！？\s]{0,4}(付|给|发|结|打)了/;
/** Pleas that stand whether or not the festival has passed. */
export const FESTIVAL_HARDSHIP = /回不了(家|屋|老家)|过年.{0,4}回不(去|了|来)|(不|冇法|没法)回(来|去|家)过年|过不了年|冇钱过年|没钱过年/;

export const HIGH_WORKER_COUNT = 10;
export const HIGH_AMOUNT_YUAN = 100_000;
