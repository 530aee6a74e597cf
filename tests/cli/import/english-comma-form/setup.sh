cp -r "$FIXTURES/repos/reports/plans/." plans/
printf 'plan,activity,title,owners,round,due,status,new_status,date,note,by\nplan-b,1.1,Öka närvaron i skolan,y,,2021-03-31,in_progress,done,2022-01-12,"Närvaron mäts, klart",\n' > form.csv
