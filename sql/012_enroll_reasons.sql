-- 常用退回意见 of 参保申请 (the reviewers' and finance's usual words).
INSERT INTO flow_reason (type, text) VALUES
  ('enroll', '参保人员名单与职工名册不一致，请核对后重新上报'),
  ('enroll', '缴费账号信息不完整，请补充开户行和账号'),
  ('enroll', '申请材料不清晰，请重新上传'),
  ('enroll', '实缴金额与应缴不符'),
  ('enroll', '缴费凭证不清晰或与本申请不符，请重新上传');
