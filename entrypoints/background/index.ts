export default defineBackground(() => {
  console.info('Dramatis background started');
});
