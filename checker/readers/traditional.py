"""Traditional characters to simplified, for matching labels only.

Mirror sites republish reports converted to traditional characters (`規範性文件`, `總計`, often
over-converted: `行政強製`, `隻計這一情形`). A label is compared with the template's keys after this
one-character mapping, so such a page's rows are found as in the original; what the page prints is
kept as printed. Only the characters our templates' labels and keys use are mapped (one simplified
character each), so nothing else of a label changes.

Generated from OpenCC's TSCharacters table (opencc-purepy 1.5.0), restricted to the simplified
characters of schemas/templates/*.yaml, labels.py, flattened.py and the section headings'
words (prose/sections.py); regenerate when labels or headings gain characters. The characters after
廢…齣's run (龍東門…) are common in the names of bodies and places (黑龍江省, 某某鄉, 某某縣) or in a page
header's field name (標題), added by hand from the same table so a mirror's title gives its unit in simplified
characters, not half converted. The last run (員產場…) was added the same way for more bodies' names (委員會, 檢驗, 藥監,
圖書館, 瀋陽; session 9); and the run after it (長楊鳳…) for places' names in town and
county reports (衡山縣長江鎮, 楊村鎮, 大鐘莊鎮, 湘陰縣; session 10); and the run after that (義職師…) for
colleges', hospitals' and public companies' names (義烏工商職業技術學院, 師範, 婦幼保健院, 水務集團, 給排水公司), and 將 for
the sentence that stands for a title (`現將我局2020年度政府信息公開情況報告如下`; session 12). 陜, the variant of 陝
some mirrors print (`陜西省人民政府辦公廳`), was added by hand as 陝's simplified 陕 (session 13); 編 匯 彙 for the
verbs of the sentence that names the report (`特編制杭州錢江經濟開發區2022年度政府信息公開工作報告`,
`沙塘鎮政府…認真編制了2016年度政府信息公開年度報告`, `匯總`; session 15).
"""
from __future__ import annotations

import re

TRADITIONAL = "佈侷個傢傳內劃動務區問單噹國圍埰執報寀審對屬廢強後徑復應捲採據數於時暫會査條業構機權決沒況減為無熱爲獲現當發眞眾確祕穩穫箇範糾納組結絡統經綫維網線總織繳繼續罰聞舉菓萬處號衆衕補製複規計訟訪許訴註詢認談請議護讀費購踰輿轉辦迴逕這進過錯錶開閤關隻項題額類駁體髮麪麫麵點齣龍東門陽鄉鎮縣廳廣灣島嶺雲貴遼蘇衛閩漢寧興華黃滬樂慶豐陝臺溝勞農資環財稅醫療貿學電氣車運輸鐵郵銀監廈寶標員產場質藥營視圖書館檔僑聯紅軍園濟術藝黨協設測繪讓險證鑑價檢驗肅蘭烏魯齊實錦樺濱瀋蓋長楊鳳橋莊鐘陰滿羅蔭張陳劉澤嶽雙順壩灘濰紹饒陸鄭義職師專團婦給礦語際紡輕裝兒廠將陜編匯彙與"
SIMPLIFIED = "布局个家传内划动务区问单当国围采执报采审对属废强后径复应卷采据数于时暂会查条业构机权决没况减为无热为获现当发真众确秘稳获个范纠纳组结络统经线维网线总织缴继续罚闻举果万处号众同补制复规计讼访许诉注询认谈请议护读费购逾舆转办回径这进过错表开合关只项题额类驳体发面面面点出龙东门阳乡镇县厅广湾岛岭云贵辽苏卫闽汉宁兴华黄沪乐庆丰陕台沟劳农资环财税医疗贸学电气车运输铁邮银监厦宝标员产场质药营视图书馆档侨联红军园济术艺党协设测绘让险证鉴价检验肃兰乌鲁齐实锦桦滨沈盖长杨凤桥庄钟阴满罗荫张陈刘泽岳双顺坝滩潍绍饶陆郑义职师专团妇给矿语际纺轻装儿厂将陕编汇汇与"

T2S = str.maketrans(TRADITIONAL, SIMPLIFIED)
# For the names a page gives itself only (its title, its body, its signature): the rest of the common characters
# of places' and bodies' names a mirror converts (第一師阿拉爾市, 臨滄, 贛州, 隴南, 鶴崗; 糧食和物資儲備局, 漁業, 殘聯,
# 退役軍人事務局, 綜合行政執法局; session 13; 南寧軌道交通集團有限責任公司 and the like: public companies' 軌 責 倉 庫 築 …,
# session 14), so a name is never half converted (`第一师阿拉爾市…` is no body's
# name). Labels, headings and the prose quoted keep T2S: none of them needs these.
NAMES_T2S = str.maketrans(TRADITIONAL + "爾遠邊嶼邁萊蒼畢峽潯瀘閬贛廬灤鄲鄖隴綏雞鹽壽賓臨滄銅錫閔蘆蕪鄰亞葉溫渾湯懷瀏潛瀾靈麗鶴鷹鳴龜馬驛齡岡崗嵐巒彌歸渦潁灃猶獻甌畝禮紀綿縉聶蕭薊藍謝貢賀贊趙輝達遷鄒鄧鈞鋼錢鍾閣階隨韓頓須頭顏風飛騰鮮龐恆瑪闐連獸漁糧儲備災煙賣養殘綠遊訊誌戰節約調綜塊態軌責擔倉築喬億幣鋁絲煉貸創諮淨閘澗塢壇樓隊艦庫準勵獎擁墾礎試壓廟歷遺種劇遞",
                          SIMPLIFIED + "尔远边屿迈莱苍毕峡浔泸阆赣庐滦郸郧陇绥鸡盐寿宾临沧铜锡闵芦芜邻亚叶温浑汤怀浏潜澜灵丽鹤鹰鸣龟马驿龄冈岗岚峦弥归涡颍沣犹献瓯亩礼纪绵缙聂萧蓟蓝谢贡贺赞赵辉达迁邹邓钧钢钱钟阁阶随韩顿须头颜风飞腾鲜庞恒玛阗连兽渔粮储备灾烟卖养残绿游讯志战节约调综块态轨责担仓筑乔亿币铝丝炼贷创咨净闸涧坞坛楼队舰库准励奖拥垦础试压庙历遗种剧递")
# A mirror's pinyin after a character it thinks rare (`區(qū)`, `規(guī)章`): no part of the label or name.
PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[)）]")


def tw_words(text: str) -> str:
    """A Taiwan-style mirror converts words, not only characters: 文件 becomes 檔案 (`規範性檔案`), 信息 資訊. Neither
    form is ever printed by a simplified report (檔 and 資 are traditional: a plain text without a traditional character
    skips this), and only these two of its words touch the templates' labels
    and the sentence naming the report (`特向社會公佈海南海事局2020年政府資訊公開工作年度報告`). Same length: offsets hold."""
    return text.replace("檔案", "文件").replace("資訊", "信息") if "檔案" in text or "資訊" in text else text
