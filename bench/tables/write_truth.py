T = []
def t(id, file, pages, fmt, script, ruling, rows, header=1, notes="", spans=()):
    T.append(dict(id=id, file=file, pages=pages, format=fmt, script=script, ruling=ruling, header_rows=header,
                  rows=rows, notes=notes))
E="…"
t("thuai-p3-resource", "keptback3/zh_thuai_a1_game_task.pdf", [3], "pdf", "zh", "ruled",
  [["资源建筑","基础生命值","基础资源采集值","基础资源"],["码农","100","10","100"]])
t("thuai-p3-production", "keptback3/zh_thuai_a1_game_task.pdf", [3], "pdf", "zh", "ruled",
  [["生产建筑","基础生命值","单位","生产范围","生产CD","解锁时代","基础资源","基础建造力"],
   ["香农","150","比特流","10","3","比特","150","15"],
   ["戴维南","200","电压源","5","6","电路","160","16"],
   ["诺顿","180","电流源","5","6","电路","160","16"],
   ["冯诺依曼","200","ENIAC","15","15","处理器","200","20"],
   ["伯纳斯李","150","数据包","20","3","网络","250","25"],
   ["高锟","160","光纤","15","8","网络","300","30"],
   ["图灵","300","图灵机","15","20","AI","600","60"],
   ["托尼斯塔克","250","奥创","10","20","AI","600","60"]])
t("thuai-p4-units", "keptback3/zh_thuai_a1_game_task.pdf", [4], "pdf", "zh", "ruled",
  [["单位","类型","行动模式","基础生命值","基础攻击力","攻击范围","移动速度"],
   ["比特流","数据","推塔","20","10","16","16"],
   ["电压源","实体","推塔","60","16","24","12"],
   ["电流源","实体","冲锋","100","160","6","20"],
   ["ENIAC","实体","抗线","500","15","10","6"],
   ["数据包","数据","冲锋","70","300","6","24"],
   ["光纤","实体","推塔","40","15","40","16"],
   ["图灵机","数据","抗线","800","10","12","4"],
   ["奥创","实体","推塔","100","500","20","12"]])
t("thuai-p4-defense", "keptback3/zh_thuai_a1_game_task.pdf", [4], "pdf", "zh", "ruled",
  [["防御建筑","基础生命值","基础攻击力","攻击CD","射程","攻击目标","AOE","解锁时代","基础资源","基础建造力","特效"],
   ["布尔","300","16","1","36","数据","0","比特","150","15","布尔代数：有一半的几率攻击无效"],
   ["欧姆","280","20","3","30","实体","6","电路","200","20","欧姆定律：同时击中电压源和电流源时对所有击中单位造成4倍伤害"],
   ["摩尔","225","4","1","60","实体","0","处理器","225","22","摩尔定律：优先攻击上回合目标且对一个目标连续攻击时每次伤害*2"],
   ["蒙特卡罗","300","25","2","40","实体","0","算法","200","20","蒙特卡罗方法：对单位造成的伤害会乘以一个0~2之间的随机数"],
   ["拉里罗伯茨","180","6","1","50","全部","8","网络","250","25","阿帕网：优先攻击数据包且对数据包造成的伤害*3"],
   ["罗伯特卡恩","450","5","1","36","数据","0","网络","450","45","TCP\\IP协议：攻击任何目标均附加其最大生命值百分之10（*科技因数）的伤害"],
   ["马斯克","1000","0","1","24","全部","0","AI","500","50","AI末日论：使其攻击范围内的AI兵种无法移动与攻击"],
   ["霍金","400","∞","2","20","全部","2","AI","500","50","黑洞：你也看到这伤害了，消灭1格和邻格内所有单位"]],
  notes="drawn as two boxes with a gap after the second row; one table (header not repeated); wrapped CJK cells")
t("tipdm-p1-t1", "keptback3/zh_tipdm8_c_smart_gov_task.pdf", [1], "pdf", "zh", "ruled",
  [["热度排名","问题ID","热度指数","时间范围","地点/人群","问题描述"],
   ["1","1",E,"2019/08/18至2019/09/04","A市A5区魅力之城小区","小区临街餐饮店油烟噪音扰民"],
   ["2","2",E,"2017/06/08至2019/11/22","A市经济学院学生","学校强制学生去定点企业实习"],
   [E,E,E,E,E,E]], notes="header cells wrapped over three lines")
t("tipdm-p3-t3", "keptback3/zh_tipdm8_c_smart_gov_task.pdf", [3], "pdf", "zh", "ruled",
  [["一级分类","二级分类","三级分类"],["城乡建设","安全生产","事故处理"],["城乡建设","安全生产","安全生产管理"],
   ["城乡建设","安全生产","安全隐患"],["...","...","..."]])
t("tipdm-p3-t4", "keptback3/zh_tipdm8_c_smart_gov_task.pdf", [3], "pdf", "zh", "ruled",
  [["留言编号","留言用户","留言主题","留言时间","留言详情","一级分类"],
   ["744","A089211","建议增加A小区快递柜","2019/10/1814:44","我们是A小区居民...","交通运输"]])
t("tipdm-p3-t5", "keptback3/zh_tipdm8_c_smart_gov_task.pdf", [3], "pdf", "zh", "ruled",
  [["留言编号","留言用户","留言主题","留言时间","留言详情","点赞数","反对数"],
   ["744","A089211","建议增加A小区快递柜","2019/10/1814:44","我们是A小区居民...","100","2"]])
t("tipdm-p3-t6", "keptback3/zh_tipdm8_c_smart_gov_task.pdf", [3], "pdf", "zh", "ruled",
  [["留言编号","留言用户","留言主题","留言时间","留言详情","答复意见","答复时间"],
   ["744","A089211","建议增加A小区快递柜","2019/10/1814:44","我们是某小区居民...","网民‘A089211’你好...","2019/10/198:40"]])
t("baa-p1-dates", "shared/corpus/en_dod_sbir254_baa.pdf", [1], "pdf", "en", "partly",
  [["","Pre-Release","Open","Close"]] + [[f"Release {i}",a,b,c] for i,(a,b,c) in enumerate([
   ("Oct 02, 2024","Oct 23, 2024","Nov 20, 2024"),("Nov 06, 2024","Dec 04, 2024","Jan 08, 2025"),
   ("Dec 04, 2024","Jan 08, 2025","Feb 05, 2025"),("Jan 08, 2025","Jan 29, 2025","Feb 26, 2025"),
   ("Feb 05, 2025","Feb 26, 2025","Mar 26, 2025"),("Mar 05, 2025","Mar 26, 2025","Apr 23, 2025"),
   ("Apr 02, 2025","Apr 23, 2025","May 21, 2025"),("May 07, 2025","May 28, 2025","Jun 25, 2025"),
   ("Jun 04, 2025","Jun 25, 2025","Jul 23, 2025"),("Jul 02, 2025","Jul 23, 2025","Aug 20, 2025"),
   ("Aug 06, 2025","Aug 27, 2025","Sep 24, 2025"),("Sep 03, 2025","TBD","TBD")], start=1)],
  notes="rows separated by horizontal rules only; Release 11's Open date set higher than its row")
t("baa-p33-rights", "shared/corpus/en_dod_sbir254_baa.pdf", [33], "pdf", "en", "ruled",
  [["Technical Data or Computer Software to be Furnished with Restrictions","Basis for Assertion","Asserted Rights Category","Name of Person or Organization Asserting Restrictions"],
   ["[(LIST)]","[(LIST)]","[(LIST)]","[(LIST)]"]])
t("keelung-p4-caps", "shared/corpus/zh_tw_keelung_sbir115_guide.pdf", [4], "pdf", "zh", "ruled",
  [["類別","說明","補助上限/年"],
   ["個別申請","限1家業者申請","申請100萬元"],
   ["聯合申請","共同申請之聯合廠商須具備以下文件：(1)參與業者皆須符合申請資格。(2)聯合申請送出後，變更任一成員者，不符申請資格。(3)申請類別之結合業者間，須具有緊密連結之合作關係，並於核心技術間具有互補性。(4)申請案計畫書內，應檢附各參與業者之協議書，其內容包括：各參與開發業者協議之工作、經費劃分及其他相關權利義務等說明。(5)申請案負責人不得為同一人，或具有配偶或直系血親ㄧ親等之親屬關係。(6)申請案任一成員放棄補助資格，則視同計畫終止。(7)聯合機制以鼓勵兩家企業，藉由產業上中下游及跨領域結盟，確定產業標準、擬定技術規格、建立共通平台，促進新興產業提昇及傳統產業轉型與升級。","200萬元(每家上限分別為100萬元)"]],
  notes="letter-spaced, wrapped CJK labels")
t("nrc-p4-deliverables", "keptback/en_nrc_mbse_sow_31310021r0046.pdf", [4,5], "pdf", "en", "ruled",
  [["Deliverable","Due Date","Format","Submit to"],
   ["Task 1 design","4 months after start of work","As appropriate to the tools used.","COR"],
   ["Task 2 artifacts","6 months after start of work","As appropriate to the tools used.","COR"],
   ["Task 3","The initial kickoff meeting for task 3 will be held within two weeks of delivery of the artifacts and should be scheduled ahead of time. The NRC will provide input within one month of the kickoff meeting. The Contractor response is to be provided within one month of receipt of NRC input. The NRC will provide input and hold the second meeting within one month of receipt of the Contractor responses.","As appropriate to the tools used.","COR"],
   ["Task 4","The presentation is to be provided within 11 months of the start of work.","Slides (PowerPoint or Adobe Portable Document Format (PDF)) Training session","COR"],
   ["Task 5 final report","Within 11 months of the start of work.","Word Document","COR"]],
  notes="Task 3's row is cut by the page break")
t("aifh-p2-pains", "keptback/zh_aiforhuman_agent_challenge_topics.pdf", [2], "pdf", "zh", "ruled",
  [["痛点","具体场景"],
   ["市场信息高度分散且更新频繁","不同海外市场的竞争動態、平台规则、社媒趋势、行业消息分散於新聞、報告、社群與公開資料中，运营人員需人工分別查閱，耗時且易遺漏關鍵變化。"],
   ["信息判断依赖个人经验，一致性不足","不同市场、不同负责人对同一變化的理解與判斷標準不一，难以形成可对比、可沉澱的观察结论。"],
   ["缺乏结构化、可行动的每日决策输入","市场资讯多为零散描述，缺少重点提炼与影响判断，导致每日晨会或营运讨论中，无法快速形成明确关注点与行动方向。"],
   ["市场变化与业务决策之间存在时间差","法规更新、平台政策或竞争对手策略调整往往在事后才被注意到，影响反应速度与机会把握"]])
t("aifh-p3-pains", "keptback/zh_aiforhuman_agent_challenge_topics.pdf", [3], "pdf", "zh", "ruled",
  [["痛点","具体场景"],
   ["跨角色理解角度不一致","不同部门在讨论选品或主推方案时，关注重点不同，导致同一建议被反复质疑或推翻"],
   ["决策共识形成效率低","选品与主推讨论依赖会议或零散沟通，难以快速聚焦核心分歧点"],
   ["信息表达缺乏结构","决策理由往往以经验性描述为主，缺乏清晰、统一的表达框架，难以复用"]])
t("aifh-p4-pains", "keptback/zh_aiforhuman_agent_challenge_topics.pdf", [4], "pdf", "zh", "ruled",
  [["痛点","具体场景"],
   ["规则理解依赖人工经验","执行人员需自行拆解复杂规则，容易遗漏关键限制条件"],
   ["从规则到执行缺乏桥接","活动要求停留在文字层面，难以快速转化为可执行判断路径"],
   ["执行风险不可控","当信息不足或理解不清时，执行人员难以及时识别潜在风险点"]])
t("aifh-p5-pains", "keptback/zh_aiforhuman_agent_challenge_topics.pdf", [5], "pdf", "zh", "ruled",
  [["痛点","具体场景"],
   ["合同差异识别依赖人工","前后版本条款变化需人工逐条阅读比对，效率低且易遗漏"],
   ["风险理解门槛高","非法律背景人员难以快速判断变更条款的潜在影响"],
   ["风险提示缺乏结构","合同变更讨论缺少统一的风险提示与关注重点表达方式"]])
EV="keptback/en_evahan2023_guidelines.pdf"
t("eva-p5-t1", EV, [5], "pdf", "zh", "ruled",
  [["Ancient-Chinese","Modern-Chinese"],["后妃表","后妃表"],
   ["后妃之制，厥有等威，其來尚矣。","后妃的制度，有它的等級威儀，它的由來很久遠。"],
   ["元初，因其國俗，不娶庶姓，非此族也，不居嫡選。","元朝初年，因襲蒙古的習俗，不娶異姓，不是后族的，不處在可以選爲正妻的地位。"],
   ["當時史臣為舅甥之貴，蓋有周姬、齊姜之遺意，歷世守之，因可嘉也。","當時的史臣以爲皇族后族的尊貴，原有周姬、齊姜的遺意，歷代都遵守它，本來是可以表彰的。"],
   ["然其居則曰斡耳朵之分；沒，復有繼承守宮之法。","然而這些后族在位就會有資産、私屬人户的分别；死後又有親族繼承守宫的法規。"],
   ["位號之淆，名分之瀆，則亦甚矣。","位號的混淆，名分的褻瀆，就更加嚴重了。"],
   ["累朝嘗詔有司修后妃傳，而未見成書。","歷朝都曾詔令有關部門編寫后妃傳，而未見成書。"],
   ["內廷事祕，今莫之考，則其氏名之僅見簡牘者，尚可遺而不錄乎？","内廷事情隱秘，現在没辦法考證，而在簡牘上僅見氏名的人，還可以省去不收録嗎？"],
   ["且一代之制存焉，闕疑而慎言，斯可矣。","况且關係一代制度的保存，對有疑問的不記述，有没有疑問的謹慎地記述，就可以了。"],
   ["作《后妃表》。","作《后妃表》。"]], notes="wrapped CJK cells")
t("eva-p6-t2", EV, [6], "pdf", "zh", "ruled",
  [["Ancient-Chinese","English"],
   ["杜密素與李膺名行相次，","Du Mi had shared in reputation with Li Ying,"],
   ["起，對之揖，勸令從學。","He stood up and bowed to him, then urged him to study."],
   ["濟陰黃允，以俊才知名。","Huang Yun of Jiyin was known for his outstanding talents."],
   ["兵士喜悅，大小皆出。","Officers and men were delighted, and they all went out to take part."],
   ["獵者來還，莫不潤涕。","When the men came back from the hunt, every one of them wept for sorrow."],
   ["榮恐不免，詣闕自論。","Kou Rong was afraid he would not escape [this combination of hostility] and he [sought to] go back to the palace to plead his case."],
   ["悲夫，久生亦復何聊！","Alas! One may live so long, but what is there to hope for?"],
   ["三公統外，御史察內。","The Three Excellencies deal with matters outside, the imperial clerks investigate matters within."],
   ["帝不得已，竟免覽官。","And the emperor in the end had no recourse but to dismiss Hou Lan."],
   ["三月，辛巳，赦天下。","In the third month on the day xinsi [14 Apr] there was an amnesty for the empire."]], notes="wrapped Latin cells beside CJK")
t("eva-p6-t3", EV, [6,7], "pdf", "en", "ruled",
  [["Data","Source language","Target language"],
   ["Ancient-Chinese-to-Modern-Chinese parallel texts of China Twenty-four Histories","9,583,749 characters","12,763,534 characters"],
   ["Ancient-Chinese-to-English parallel texts of Pre-Qin canonical texts and Zizhi Tongjian","618,083 characters","838,321 words"]],
  notes="header on page 6, body rows on page 7")
t("eva-p9-scores", EV, [9], "pdf", "en", "ruled",
  [["Metric","Score"],["BLEU","45"],["chrF","0.6"],["COMET-QE","2.6"]])
t("eva-p10-models", EV, [10], "pdf", "en", "ruled",
  [["Model name","Language","Description"],
   ["Siku-RoBERTa[6]2","Ancient Chinese","Ancient Chinese RoBERTa pre-trained on high-quality “Siku Quanshu (四库全书)” full-text corpus."],
   ["Chinese-RoBERTa-wwm-ext[7]3","Modern Chinese","Modern Chinese pre-trained RoBERTa with Whole Word Masking strategy."],
   ["RoBERTa[8]4","English","Pre-trained model on English with MLM objective."]], notes="footnote marks after the model names")
t("eva-p10-limits", EV, [10], "pdf", "en", "ruled",
  [["Limits","Closed Modality","Open Modality"],["Machine learning algorithm","No limit","No limit"],
   ["Pre-trained model","Only models mentioned in Table 3.","No limit"],["Training data","Only (Training data name, TBD)","No limit"],
   ["Features used","Only from (Training data name, TBD)","No limit"],["Manual correction","Not allowed","Not allowed"]])
# DOCX (structure decided by hand from word/document.xml; cell texts as in its <w:t> runs)
ED="keptback/en_evahan2023_guidelines.docx"
t("eva-docx-t0", ED, [], "docx", "en", "ruled",
  [["Data","Source language","Target language"],
   ["Ancient-Chinese-to-Modern-Chinese parallel texts of China Twenty-four Histories","9,583,749 characters","12,763,534 characters"],
   ["Ancient-Chinese-to-English parallel texts of Pre-Qin canonical texts and Zizhi Tongjian","618,083 characters","838,321 words"]])
t("eva-docx-t1", ED, [], "docx", "en", "ruled", [["Metric","Score"],["BLEU","0.47"],["chrF","0.6"],["COMET-QE","2.6"]])
t("eva-docx-t2", ED, [], "docx", "en", "ruled",
  [["Model name","Language","Description"],
   ["Siku-RoBERTa[1]","Ancient Chinese","Ancient Chinese RoBERTa pre-trained on high-quality “Siku Quanshu (四库全书)” full-text corpus."],
   ["Chinese-RoBERTa-wwm-ext[3]","Modern Chinese","Modern Chinese pre-trained RoBERTa with Whole Word Masking strategy."],
   ["RoBERTa[5]","English","Pre-trained model on English with MLM objective."]])
t("eva-docx-t3", ED, [], "docx", "en", "ruled",
  [["Limits","Closed Modality","Open Modality"],["Machine learning algorithm","No limit","No limit"],
   ["Pre-trained model","Only models mentioned in Table 3.","No limit"],["Training data","Only (Training data name, TBD)","No limit"],
   ["Features used","Only from (Training data name, TBD)","No limit"],["Manual correction","Not allowed","Not allowed"]])
t("zte-docx-match", "keptback2/zh_zte_tcam_packet_classification_topic.docx", [], "docx", "zh", "ruled",
  [["mask bit","data bit","pkt bit","match result（1匹配，0不匹配）"],["0","0或者1","0或者1","1"],["1","0","0","1"],
   ["1","0","1","0"],["1","1","0","0"],["1","1","1","1"]])
t("mit-docx-schedule", "keptback3/en_managed_it_rfp_template.docx", [], "docx", "en", "ruled",
  [["Event","RFP Issued","Intent to Respond and Questions Due","Answers Provided","Proposals Due","Presentations"],
   ["Date","","","","",""],["Time","","","","",""]])
t("mcm-docx-vars", "keptback3/zh_mcm2026c_dwts_votes_problem_zh.docx", [], "docx", "zh", "ruled",
  [["变量","解释","示例"],["名人姓名","明星参赛者姓名（明星）专业舞伴姓名","杰里·赖斯、马克·库班、… …谢丽尔·伯克，德里克·霍夫"],
   ["舞厅舞伴","","…"],["名人产业","明星职业类别","运动员，模特， … …"],["名人故乡","明星的家乡州（如果来自美国）","俄亥俄州，缅因州， … …"],
   ["名人国籍/地区","明星所属国家/地区","美国，英国， … …"],["明星在该季的年龄","该季恒星的年龄","32，29， … …"],
   ["季节","剧集季数","1，2，3， … … ,  32 第一名，第二周被淘汰， ..."],["结果","赛季开局成绩",""],
   ["布置","赛季最终排名（第 1 为最佳）","1，2，3， … …"],["第 X 周评委 Y 打分","第 X 周评委 Y 的打分","1，2，3， … …"]],
  notes="cells as the source holds them (its rows are misaligned by the publisher)")
t("mcm-docx-ranks", "keptback3/zh_mcm2026c_dwts_votes_problem_zh.docx", [], "docx", "zh", "ruled",
  [["参赛者","总评委得分","裁判分数排名","粉丝投票*","粉丝辦名*","秩和"],["瑞秋·亨特","25","2","110 万","4","6"],
   ["乔伊·麦金泰尔","20","4","三百七十万","1","5"],["约翰·奥赫利","21","3","三百二十万","2","5"],["凯莉·蒙罗","26","1","两百万","3","4"]])
t("nih-html-dates", "shared/corpus/en_nih_rfa_tr25002_rare_disease_poc.html", [], "html", "en", "ruled",
  [["Application Due Dates",None,None,"Review and Award Cycles",None,None],
   ["New","Renewal / Resubmission / Revision (as allowed)","AIDS - New/Renewal/Resubmission/Revision, as allowed","Scientific Merit Review","Advisory Council Review","Earliest Start Date"],
   ["June 02, 2025","June 02, 2025","Not Applicable","October 2025","January 2026","April 2026"],
   ["June 02, 2026","June 02, 2026","Not Applicable","October 2026","January 2027","April 2027"]],
  header=2, notes="colspan=3 group headers")
t("avail-md-milestones", "shared/corpus/en_avail_rfp001.md", [], "md", "en", "ruled",
  [["#","Description","Funding","Timeframe (Est)"],["1","Detailed technical design","TBD","2 weeks"],
   ["2","Writing tx data to Avail","TBD","1 weeks"],["3","Verification of DA via attestation bridge & removal of data sending to L1","TBD","2 weeks"],
   ["4","Testing, benchmarking & documentation","TBD","2 weeks"],
   ["5","Project deliverables are open sourced and made public (codebase, documentation, etc)","TBD","1 week"],
   ["6","Ongoing maintenance updates","TBD","Ongoing"]])
t("cann-md-io", "keptback2/zh_cann_erf_operator_task.md", [], "md", "zh", "ruled",
  [["类型","参数名","类型","维度形状","支持数据类型","数据格式","备注"],
   ["INPUT (必选)","x","tensor","无限制","float32","ND","输入张量"],
   ["OUTPUT (必选)","y","tensor","无限制","float32","ND","计算结果张量"]])
t("alimama-md-fields", "keptback3/zh_alimama2023_ad_engine_task.md", [], "md", "zh", "ruled",
  [["keywrod(uint64)","adgroup_id(uint64)","price(uint64)","status(int8)","timings(int8, 0/1列表，长度24)","vector(float列表)","campaign_id(uint64)","item_id(uint64)"],
   ["123","1","123","1","0,0,0,...,1,1,1,...0","0.894423,0.4472136","1","1"]])
t("tianchi-md-fields", "keptback3/zh_tianchi_used_car_task.md", [], "md", "zh", "ruled",
  [["Field","Description"],["SaleID","交易ID，唯一编码"],["name","汽车交易名称，已脱敏"],["regDate","汽车注册日期，例如20160101，2016年01月01日"],
   ["model","车型编码，已脱敏"],["brand","汽车品牌，已脱敏"],["bodyType","车身类型：豪华轿车：0，微型车：1，厢型车：2，大巴车：3，敞篷车：4，双门汽车：5，商务车：6，搅拌车：7"],
   ["fuelType","燃油类型：汽油：0，柴油：1，液化石油气：2，天然气：3，混合动力：4，其他：5，电动：6"],["gearbox","变速箱：手动：0，自动：1"],
   ["power","发动机功率：范围 [ 0, 600 ]"],["kilometer","汽车已行驶公里，单位万km"],["notRepairedDamage","汽车有尚未修复的损坏：是：0，否：1"],
   ["regionCode","地区编码，已脱敏"],["seller","销售方：个体：0，非个体：1"],["offerType","报价类型：提供：0，请求：1"],
   ["creatDate","汽车上线时间，即开始售卖时间"],["price","二手车交易价格（预测目标）"],["v系列特征","匿名特征，包含v0-14在内15个匿名特征"]])
# Two DOCX tables with long cells: structure decided by hand (iflytek: its third grid column is empty and
# borderless in every row, so two columns; managed IT: the comment row spans all ten columns); the cell
# texts are those of the cell's <w:t> runs, paragraphs joined by a space (whitespace is not compared).
import sys, zipfile
sys.path.insert(0, "/tmp")
from lxml import etree
W='{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
def docx_cells(path, index):
    x=etree.fromstring(zipfile.ZipFile("/work/"+path).read('word/document.xml'))
    tbl=list(x.iter(W+'tbl'))[index]
    return [[' '.join(''.join(t.text or '' for t in p.iter(W+'t')) for p in tc.findall(W+'p')).strip() for tc in tr.findall(W+'tc')] for tr in tbl.findall(W+'tr')]
IF="keptback/zh_iflytek_sciscope_topic_form.docx"
t("iflytek-docx-form", IF, [], "docx", "zh", "ruled", [r[:2] for r in docx_cells(IF, 0)],
  notes="the grid's third column is empty and borderless in every row: two columns")
MI="keptback3/en_managed_it_rfp_template.docx"
rows = docx_cells(MI, 1); rows[-1] = rows[-1] + [None]*9
t("mit-docx-scoring", MI, [], "docx", "en", "ruled", rows, notes="last row spans all ten columns")

TZ="shared/corpus/zh_tzb2026_xh202603_rs.pdf"
t("tzb-p5-performance", TZ, [5], "pdf", "zh", "ruled",
  [["32–40分（优秀）","模型的综合表现突出，在多数核心任务上取得较高成绩；对复杂场景、细粒度目标和多类型地物具有较强解译能力，结果稳定，泛化能力较好。"],
   ["24–31分（良好）","模型能够较好完成各项核心任务，在主要场景下表现稳定；综合解译能力较强，但在部分复杂任务、边缘样本或特定场景下仍有提升空间。"],
   ["0–23分（合格）","模型能够完成部分核心任务，达到基本参赛要求，但整体性能一般；在准确性、稳定性或多任务均衡性方面存在较明显不足。"]],
  header=0, notes="no header row; letter-spaced score labels wrapped over two lines")
t("tzb-p6-efficiency", TZ, [6], "pdf", "zh", "ruled",
  [["32–40分（优秀）","模型结构轻量高效，推理速度快，存储占用和显存消耗低，在受限算力环境下具有较强部署可行性，较好满足星载应用需求。"],
   ["24–31分（良好）","模型在推理效率、参数规模和显存占用方面表现较好，具备一定部署能力，能够较好适配资源受限场景，但在极限压缩或实时性方面仍有优化空间。"],
   ["0–23分（合格）","模型可基本运行，但资源消耗较高，推理速度、模型大小或显存占用中的一项或多项表现一般，对星载或边缘部署的适配性较弱。"]],
  header=0)
t("tzb-p6-innovation", TZ, [6,7], "pdf", "zh", "ruled",
  [["16–20分（优秀）","作品创新点明确，技术路线具有较强原创性或显著改进；能够结合遥感数据特点和航天应用需求提出有针对性的解决方案，应用前景清晰，推广价值较高。"],
   ["10–15分（良好）","作品具有一定创新性，在模型设计、训练策略或应用落地方面有较明显特色；能够回应遥感领域实际需求，但创新深度或应用成熟度仍有进一步提升空间。"],
   ["0–9分（合格）","作品具备基本完成度，但创新性不突出，主要以现有方法组合或常规优化为主；应用场景结合不够紧密，实际推广价值相对有限。"]],
  header=0, notes="the second row is cut by the page break")
import json
json.dump({"about": "Tables written down by hand from real calls (bench/tables/README.md).", "tables": T},
          open("/work/wt-tables25/bench/tables/truth.json","w"), ensure_ascii=False, indent=1)
from collections import Counter
print(len(T), Counter(x["format"] for x in T), Counter(x["script"] for x in T), Counter(x["ruling"] for x in T))
for x in T: 
    n=set(len(r) for r in x["rows"]); 
    if len(n)>1: print("ragged", x["id"], n)
